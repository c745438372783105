/** The shapes of docs/contract.md §4 (`GET /api/tickets/:id/citizen`, `citizen` in `chat:accept`). */

export type MailboxState = 'digipost' | 'e-boks' | 'none' | 'reserved' | 'not-registered' | 'deleted' | 'unknown';
export type MailboxProvider = 'digipost' | 'e-boks';

export interface MailboxStatus {
  state: MailboxState;
  address?: string;
  contactOutdated: boolean;
  suggestedReferral: MailboxProvider | null;
}

export type IdportenState = 'active' | 'closed' | 'never-seen' | 'unknown';

export interface IdportenLoginSummary {
  eid: string;
  firstLogin: string | null;
  lastLogin: string | null;
}

export interface IdportenStatus {
  state: IdportenState;
  closedCode?: string;
  closedAt?: string;
  lastLogin?: string;
  logins: IdportenLoginSummary[];
}

export interface CitizenContext {
  /** Masked (`178585*****`); null when the ticket carries no national identity number. */
  nationalId: string | null;
  /** True only when the citizen logged in with ID-porten in this chat. */
  verified: boolean;
  mailbox: MailboxStatus;
  idporten: IdportenStatus;
  /** How the citizen logged in with ID-porten in this chat; null when not verified. */
  authentication: { acr: string | null; amr: string[]; authTime: string | null } | null;
}
