import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { StaffActor } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { forbidden, validationError } from '../../common/errors';
import { decodeCursor, encodeCursor, PageCursor } from '../../common/pagination';
import { csvLine } from './csv';
import { HistoryFilterDto, HistoryQueryDto } from './dto/history-query.dto';
import { buildSearchQuery, SearchQuery, snippetToText } from './fts-query';
import { HistoryPage, mapHistoryItem } from './history.dto';
import { HistoryChatRow, HistoryFilter, HistorySearchStore, SnippetRow } from './history-search.store';
import { maskNationalIdsInText } from '../../common/national-id-in-text';

const DEFAULT_LIMIT = 25;
const SNIPPETS_PER_CHAT = 3;
const EXPORT_PAGE = 500;

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

/** Search and export of every chat, for supervisors. */
@Injectable()
export class HistoryService {
  constructor(private readonly store: HistorySearchStore) {}

  async search(actor: StaffActor, query: HistoryQueryDto): Promise<HistoryPage> {
    assertMayRead(actor);
    const { filter, search } = parseFilter(query);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.store.findChats({ filter, search, cursor: decodeCursor(query.cursor), take: limit + 1 });
    const page = rows.slice(0, limit);
    const snippets = search ? await this.store.findSnippets(search, page, SNIPPETS_PER_CHAT) : new Map<string, SnippetRow[]>();
    const last = page[page.length - 1];
    return {
      items: page.map((row) => mapHistoryItem(row, snippets.get(row.id))),
      nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }

  /** One CSV row per chat, newest first, read page by page while the client takes them. */
  async exportCsv(actor: StaffActor, query: HistoryFilterDto): Promise<Readable> {
    assertMayRead(actor);
    const { filter, search } = parseFilter(query);
    const store = this.store;
    // The first page is read before answering, so that a bad query is still a 400 and not a broken download.
    const first = await store.findChats({ filter, search, take: EXPORT_PAGE });
    async function* lines(): AsyncGenerator<string> {
      yield csvLine([...EXPORT_COLUMNS]);
      let rows = first;
      for (;;) {
        const snippets = search ? await store.findSnippets(search, rows, SNIPPETS_PER_CHAT) : new Map<string, SnippetRow[]>();
        for (const row of rows) yield csvLine(exportRow(row, (snippets.get(row.id) ?? []).map((s) => snippetToText(s.marked))));
        const last = rows[rows.length - 1];
        if (rows.length < EXPORT_PAGE || !last) return;
        const cursor: PageCursor = { createdAt: last.createdAt, id: last.id };
        rows = await store.findChats({ filter, search, cursor, take: EXPORT_PAGE });
      }
    }
    return Readable.from(lines(), { objectMode: false, highWaterMark: 64 * 1024 });
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
