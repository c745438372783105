// docs/contract.md §4.

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
  nationalId: string | null;
  verified: boolean;
  mailbox: MailboxStatus;
  idporten: IdportenStatus;
  authentication: { acr: string | null; amr: string[]; authTime: string | null } | null;
}
