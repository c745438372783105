export const TOPICS = ['digital-mailbox', 'id-porten', 'other'] as const;
export type Topic = (typeof TOPICS)[number];

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CHANNELS = ['chat', 'web-form', 'phone', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TICKET_STATUSES = ['queued', 'active', 'open', 'pending', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** What staff choose when they close; `abandoned` is the desk's own (the citizen went away or went silent). */
export const STAFF_OUTCOMES = ['resolved', 'referred', 'no-response', 'other'] as const;
export type StaffOutcome = (typeof STAFF_OUTCOMES)[number];
export const OUTCOMES = [...STAFF_OUTCOMES, 'abandoned'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type Author = 'citizen' | 'agent' | 'system';
export type MessageKind = 'text' | 'referral' | 'event';

export const MAX_MESSAGE_LENGTH = 4000;
