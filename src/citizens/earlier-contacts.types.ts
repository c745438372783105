import type { Channel, Outcome, TicketStatus, Topic } from '../tickets/ticket.types';

// docs/contract.md §4a.

/** How one citizen's contacts were matched: their national identity number, else their e-mail address. */
export type MatchedBy = 'national-id' | 'email';

export interface EarlierContact {
  id: string;
  reference: string;
  createdAt: string;
  channel: Channel;
  topic: Topic;
  status: TicketStatus;
  outcome: Outcome | null;
  closedBy: 'citizen' | 'agent' | 'system' | null;
  referral: 'digipost' | 'e-boks' | null;
  verified: boolean;
  /** Masked (first six digits). */
  nationalId: string | null;
}

export interface EarlierContacts {
  matchedBy: MatchedBy | null;
  /** By number: whether this ticket's number was confirmed with ID-porten, or only typed (by anyone). */
  numberVerified?: boolean;
  /** Every match; `items` holds the newest EARLIER_CONTACTS_LIMIT of them. */
  total: number;
  items: EarlierContact[];
}

export const EARLIER_CONTACTS_LIMIT = 20;
