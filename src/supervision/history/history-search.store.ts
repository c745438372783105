import type { PageCursor } from '../../common/pagination';
import type { Channel, Outcome, TicketStatus, Topic } from '../../tickets/ticket.types';
import type { SearchQuery } from './fts-query';
import type { SearchBudget } from './search-budget';

export interface HistoryFilter {
  from?: Date;
  to?: Date;
  agentId?: string;
  topic?: Topic;
  outcome?: Outcome;
  provider?: 'digipost' | 'e-boks';
  rating?: number;
  verified?: boolean;
  channel?: Channel;
  status?: TicketStatus;
}

export interface HistoryChatRow {
  id: string;
  reference: string;
  channel: Channel;
  topic: Topic;
  status: TicketStatus;
  agent: { id: string; displayName: string } | null;
  outcome: Outcome | null;
  referredProvider: 'digipost' | 'e-boks' | null;
  rating: number | null;
  verified: boolean;
  createdAt: Date;
  queuedAt: Date | null;
  acceptedAt: Date | null;
  closedAt: Date | null;
  preview: string;
}

export interface SnippetRow {
  source: 'message' | 'note';
  /** For messages: citizen, agent or system; for notes the staff member's name. */
  author: string | null;
  authorName: string | null;
  seq: number | null;
  createdAt: Date;
  /** Snippet text with SNIPPET_MARKERS around the matched words. */
  marked: string;
}

export interface ChatPageRequest {
  filter: HistoryFilter;
  /** The parsed search (buildSearchQuery: terms, and a safe query for each database), or null for no text search. */
  search: SearchQuery | null;
  cursor?: PageCursor;
  /** How many chats to return at most (callers ask for one more than they show). */
  take: number;
  /** Past its deadline the search stops with QUERY_TOO_BROAD. */
  budget: SearchBudget;
}

/**
 * The history's storage port: chats newest first (created_at DESC, id DESC) matching filters and
 * text, and the matching passages of given chats. SQLite implements it with FTS5
 * (sqlite-history-search.store.ts), PostgreSQL with tsvector/GIN and ts_headline
 * (postgres-history-search.store.ts). A search the database cannot run is a VALIDATION error;
 * one that does not finish within its budget is QUERY_TOO_BROAD. Neither holds the event loop:
 * SQLite's reads run in a reader thread, PostgreSQL's are asynchronous anyway.
 */
export abstract class HistorySearchStore {
  abstract findChats(request: ChatPageRequest): Promise<HistoryChatRow[]>;
  /** Up to `perChat` snippets of each chat, in the order the chat's documents were indexed. */
  abstract findSnippets(search: SearchQuery, chats: Pick<HistoryChatRow, 'id' | 'createdAt'>[], perChat: number, budget: SearchBudget): Promise<Map<string, SnippetRow[]>>;
}
