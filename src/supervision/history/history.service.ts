import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import type { StaffActor } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { forbidden, validationError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { decodeCursor, encodeCursor, PageCursor } from '../../common/pagination';
import { csvLine } from './csv';
import { HistoryFilterDto, HistoryQueryDto } from './dto/history-query.dto';
import { buildSearchQuery, SearchQuery, snippetToText } from './fts-query';
import { HistoryPage, mapHistoryItem } from './history.dto';
import { HistoryChatRow, HistoryFilter, HistorySearchStore, SnippetRow } from './history-search.store';
import { maskNationalIdsInText } from '../../common/national-id-in-text';
import { SearchBudget } from './search-budget';

const DEFAULT_LIMIT = 25;
const SNIPPETS_PER_CHAT = 3;
const EXPORT_CHUNK = 1000;
const CSV_SLICE = 100;

export const EXPORT_COLUMNS = [
  'reference',
  'chat_id',
  'created_at',
  'closed_at',
  'channel',
  'topic',
  'status',
  'agent',
  'outcome',
  'referred_provider',
  'rating',
  'verified',
  'preview',
  'matches',
] as const;

@Injectable()
export class HistoryService {
  constructor(
    private readonly store: HistorySearchStore,
    private readonly config: AppConfig,
  ) {}

  async search(actor: StaffActor, query: HistoryQueryDto): Promise<HistoryPage> {
    assertMayRead(actor);
    const { filter, search } = parseFilter(query);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const budget = this.budget();
    const rows = await this.store.findChats({ filter, search, cursor: decodeCursor(query.cursor), take: limit + 1, budget });
    const page = rows.slice(0, limit);
    const snippets = search ? await this.store.findSnippets(search, page, SNIPPETS_PER_CHAT, budget) : new Map<string, SnippetRow[]>();
    const last = page[page.length - 1];
    return {
      items: page.map((row) => mapHistoryItem(row, snippets.get(row.id))),
      nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }

  // A chunk past its budget aborts the download rather than end it short.
  async exportCsv(actor: StaffActor, query: HistoryFilterDto): Promise<Readable> {
    assertMayRead(actor);
    const { filter, search } = parseFilter(query);
    const store = this.store;
    const budget = () => this.budget();
    const chunk = async (cursor?: PageCursor) => {
      const within = budget();
      const rows = await store.findChats({ filter, search, cursor, take: EXPORT_CHUNK, budget: within });
      const snippets = search ? await store.findSnippets(search, rows, SNIPPETS_PER_CHAT, within) : new Map<string, SnippetRow[]>();
      const last = rows[rows.length - 1];
      return { rows, snippets, next: rows.length === EXPORT_CHUNK && last ? { createdAt: last.createdAt, id: last.id } : null };
    };
    // Read before answering, so that a bad or too broad query is still a 400 or 422 and not a broken download.
    const first = await chunk();
    async function* pieces(): AsyncGenerator<string> {
      yield csvLine([...EXPORT_COLUMNS]);
      let current = first;
      for (;;) {
        const { rows, snippets } = current;
        for (let start = 0; start < rows.length; start += CSV_SLICE) {
          if (start > 0) await setImmediate();
          yield rows
            .slice(start, start + CSV_SLICE)
            .map((row) => csvLine(exportRow(row, (snippets.get(row.id) ?? []).map((s) => snippetToText(s.marked)))))
            .join('');
        }
        if (!current.next) return;
        current = await chunk(current.next);
      }
    }
    return Readable.from(pieces(), { objectMode: false, highWaterMark: 64 * 1024 });
  }

  private budget(): SearchBudget {
    return new SearchBudget(this.config.searchTimeBudgetMs);
  }
}

function assertMayRead(actor: StaffActor): void {
  if (!hasPermission(actor.role, 'history:read')) throw forbidden('Only supervisors read the history');
}

function parseFilter(query: HistoryFilterDto): { filter: HistoryFilter; search: SearchQuery | null } {
  const from = query.from ? new Date(query.from) : undefined;
  const to = query.to ? new Date(query.to) : undefined;
  if (from && to && from >= to) throw validationError('from must be before to', [{ field: 'from', message: 'must be before to' }]);
  return {
    search: query.q ? buildSearchQuery(query.q) : null,
    filter: {
      from,
      to,
      agentId: query.agent,
      topic: query.topic,
      outcome: query.outcome,
      provider: query.provider,
      rating: query.rating,
      verified: query.verified,
      channel: query.channel,
      status: query.status,
    },
  };
}

function exportRow(row: HistoryChatRow, matches: string[]): (string | number | null)[] {
  return [
    row.reference,
    row.id,
    row.createdAt.toISOString(),
    row.closedAt ? row.closedAt.toISOString() : '',
    row.channel,
    row.topic,
    row.status,
    row.agent?.displayName ?? '',
    row.outcome ?? '',
    row.referredProvider ?? '',
    row.rating ?? '',
    row.verified ? 'true' : 'false',
    maskNationalIdsInText(row.preview),
    matches.join(' | '),
  ];
}
