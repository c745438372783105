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
  author: string | null;
  authorName: string | null;
  seq: number | null;
  createdAt: Date;
  marked: string;
}

export interface ChatPageRequest {
  filter: HistoryFilter;
  search: SearchQuery | null;
  cursor?: PageCursor;
  take: number;
  budget: SearchBudget;
}

/** A query's prefixes are looked up once for the page, its snippets and an export's chunks; a failed look-up is tried again. */
export class PerQuery<T> {
  private readonly found = new WeakMap<SearchQuery, Promise<T>>();

  get(search: SearchQuery, lookUp: () => Promise<T>): Promise<T> {
    let result = this.found.get(search);
    if (!result) {
      result = lookUp();
      this.found.set(search, result);
      result.catch(() => this.found.delete(search));
    }
    return result;
  }
}

export abstract class HistorySearchStore {
  abstract findChats(request: ChatPageRequest): Promise<HistoryChatRow[]>;
  abstract findSnippets(search: SearchQuery, chats: Pick<HistoryChatRow, 'id' | 'createdAt'>[], perChat: number, budget: SearchBudget): Promise<Map<string, SnippetRow[]>>;
}
