import { Injectable } from '@nestjs/common';
import { validationError } from '../../common/errors';
import type { PageCursor } from '../../common/pagination';
import { DOC_BUCKET } from '../../database/migrations/1764400000000-history-search';
import { FirstPerKey, ReadDeadlineExceeded, SqliteReader } from '../../database/reader-thread/sqlite-reader';
import { fromDbTime } from '../../database/sql';
import { buildFtsMatch, indexedPrefix, SearchQuery, SNIPPET_MARKERS } from './fts-query';
import { ChatPageRequest, HistoryChatRow, HistoryFilter, HistorySearchStore, PerQuery, SnippetRow } from './history-search.store';
import { CHAT_COLUMNS, filterSql as dialectFilterSql, hasFilter, mapChat, RawChat, SQLITE_FILTERS } from './history-sql';
import { MAX_PREFIX_TERMS, PREFIX_TERMS_SQL, prefixTermParams, termsInstead } from './prefix-terms';
import { queryTooBroad, SearchBudget } from './search-budget';

// Each read of a prefix (`po*`) merges every matching term's list again, so a chunk should take few reads.
const FIRST_BATCH = 400;
const MAX_BATCH = 1600;
const firstBatch = (take: number) => Math.max(FIRST_BATCH, take * 4);
const maxBatch = (take: number) => Math.max(MAX_BATCH, take * 16);
const SWITCH_AFTER_DOCS = 2000;
const switchAfterDocs = (take: number) => Math.max(SWITCH_AFTER_DOCS, take * 20);
// Up to a page's most (100) one arm per chat, far below SQLite's 500 compound arms; an export's chunk is one scan of its time range.
const MAX_SNIPPET_ARMS = 100;

interface RawSnippet {
  chatId: string;
  source: 'message' | 'note';
  text: string;
  seq: number | null;
  author: string | null;
  messageAuthorName: string | null;
  noteAuthorName: string | null;
  createdAt: string;
}

const SNIPPET_COLUMNS = `d.ticket_id AS "chatId", d.source, snippet(search_index, 0, ?, ?, '…', 16) AS text, m.seq, m.author, m.author_name AS "messageAuthorName",
  n.author_name AS "noteAuthorName", COALESCE(m.created_at, n.created_at) AS "createdAt"`;
const SNIPPET_SOURCES = `search_index s
  JOIN search_docs d ON d.doc_id = s.rowid
  LEFT JOIN messages m ON d.source = 'message' AND m.id = d.source_id
  LEFT JOIN notes n ON d.source = 'note' AND n.id = d.source_id`;

// The unary `+` keeps SQLite from choosing the small indexes: walking the history index newest first is what is fast.
const filterSql = (filter: HistoryFilter, cursor?: PageCursor) => dialectFilterSql(SQLITE_FILTERS, filter, cursor);

/** The chats that pass the filters, newest first (parameters: the filters', then the limit). Exported for bench/history-cold-reads.js. */
export const walkSql = (where: string) => `SELECT ${CHAT_COLUMNS} FROM tickets t LEFT JOIN staff_users u ON u.id = t.assignee_id
  WHERE ${where} ORDER BY t.created_at DESC, t.id DESC LIMIT ?`;

const CHAT_BUCKET = `CAST(round(unixepoch(t.created_at, 'subsec') * 1000) AS INTEGER) * ${DOC_BUCKET}`;

/** The same walk, each passing chat asked of the index within its own rowid range (parameters: the filters', the MATCH, the limit). */
export const chatDrivenSql = (where: string) => `SELECT ${CHAT_COLUMNS} FROM tickets t LEFT JOIN staff_users u ON u.id = t.assignee_id
  WHERE ${where} AND EXISTS (
    SELECT 1 FROM search_index s JOIN search_docs d ON d.doc_id = s.rowid
     WHERE search_index MATCH ? AND s.rowid >= ${CHAT_BUCKET} AND s.rowid < ${CHAT_BUCKET} + ${DOC_BUCKET} AND d.ticket_id = t.id)
  ORDER BY t.created_at DESC, t.id DESC LIMIT ?`;

@Injectable()
export class SqliteHistorySearchStore extends HistorySearchStore {
  private readonly matches = new PerQuery<string>();

  constructor(private readonly reader: SqliteReader) {
    super();
  }

  async findChats(request: ChatPageRequest): Promise<HistoryChatRow[]> {
    return this.withErrors(request.budget, async () => {
      if (!request.search) return this.chatsWithoutText(request);
      const match = await this.matchOf(request.search, request.budget);
      const ids = await this.indexDriven(request, match);
      if (ids) return this.load(ids, request.budget);
      return this.chatDriven(request, match);
    });
  }

  async findSnippets(search: SearchQuery, chats: Pick<HistoryChatRow, 'id' | 'createdAt'>[], perChat: number, budget: SearchBudget): Promise<Map<string, SnippetRow[]>> {
    const result = new Map<string, SnippetRow[]>(chats.map((chat) => [chat.id, []]));
    const { open, close } = SNIPPET_MARKERS;
    const add = (r: RawSnippet) => {
      const list = result.get(r.chatId);
      if (!list || list.length >= perChat) return;
      list.push({
        source: r.source,
        author: r.source === 'note' ? (r.noteAuthorName ?? null) : r.author,
        authorName: r.source === 'note' ? (r.noteAuthorName ?? null) : r.messageAuthorName,
        seq: r.source === 'message' ? r.seq : null,
        createdAt: fromDbTime(r.createdAt),
        marked: r.text,
      });
    };
    await this.withErrors(budget, async () => {
      if (chats.length === 0) return;
      const match = await this.matchOf(search, budget);
      if (chats.length > MAX_SNIPPET_ARMS) {
        const times = chats.map((chat) => chat.createdAt.getTime());
        const rows = await this.read<RawSnippet[]>(
          `SELECT ${SNIPPET_COLUMNS} FROM ${SNIPPET_SOURCES}
            WHERE search_index MATCH ? AND s.rowid >= CAST(? AS INTEGER) * ${DOC_BUCKET} AND s.rowid < (CAST(? AS INTEGER) + 1) * ${DOC_BUCKET}
              AND d.ticket_id IN (${chats.map(() => '?').join(', ')})
            ORDER BY s.rowid`,
          [open, close, match, Math.min(...times), Math.max(...times), ...chats.map((chat) => chat.id)],
          budget,
          { key: 'chatId', count: perChat },
        );
        rows.forEach(add);
        return;
      }
      // One statement, one arm per chat: a read per chat cost a round trip to the reader thread each, twice the read itself.
      const arm = `SELECT * FROM (SELECT s.rowid AS doc, ${SNIPPET_COLUMNS} FROM ${SNIPPET_SOURCES}
        WHERE search_index MATCH ? AND s.rowid >= CAST(? AS INTEGER) * ${DOC_BUCKET} AND s.rowid < (CAST(? AS INTEGER) + 1) * ${DOC_BUCKET} AND d.ticket_id = ?
        ORDER BY s.rowid LIMIT ?)`;
      const rows = await this.read<RawSnippet[]>(
        `${chats.map(() => arm).join(' UNION ALL ')} ORDER BY doc`,
        chats.flatMap((chat) => [open, close, match, chat.createdAt.getTime(), chat.createdAt.getTime(), chat.id, perChat]),
        budget,
      );
      rows.forEach(add);
    });
    return result;
  }

  private matchOf(search: SearchQuery, budget: SearchBudget): Promise<string> {
    return this.matches.get(search, () => this.expandPrefixes(search, budget));
  }

  private async expandPrefixes(search: SearchQuery, budget: SearchBudget): Promise<string> {
    const expansions = new Map<number, string[]>();
    for (const [i, term] of search.terms.entries()) {
      const prefix = indexedPrefix(term);
      if (prefix === null) continue;
      const rows = await this.read<{ term: string; occurrences: number }[]>(PREFIX_TERMS_SQL, prefixTermParams(prefix, MAX_PREFIX_TERMS), budget);
      const terms = termsInstead(rows);
      if (terms) expansions.set(i, terms);
    }
    return buildFtsMatch(search.terms, expansions);
  }

  private async chatsWithoutText(request: ChatPageRequest): Promise<HistoryChatRow[]> {
    const { where, params } = filterSql(request.filter, request.cursor);
    const rows = await this.read<RawChat[]>(
      walkSql(where),
      [...params, request.take],
      request.budget,
    );
    return rows.map(mapChat);
  }

  private async indexDriven(request: ChatPageRequest, match: string): Promise<string[] | null> {
    const filtered = hasFilter(request.filter) || request.cursor !== undefined;
    const { where, params } = filterSql(request.filter, request.cursor);
    const end = Math.min(request.cursor ? request.cursor.createdAt.getTime() + 1 : Infinity, request.filter.to ? request.filter.to.getTime() : Infinity);
    let bound: { ms: number; n: number } | null = Number.isFinite(end) ? { ms: end, n: 0 } : null;
    const start = request.filter.from ? `AND s.rowid >= CAST(${Math.trunc(request.filter.from.getTime())} AS INTEGER) * ${DOC_BUCKET}` : '';
    const seen = new Map<string, number>();
    const accepted = new Set<string>();
    let batch = firstBatch(request.take);
    let read = 0;
    for (;;) {
      const rows = await this.read<{ ms: number; n: number; id: string }[]>(
        `SELECT s.rowid / ${DOC_BUCKET} AS ms, s.rowid % ${DOC_BUCKET} AS n, d.ticket_id AS id
           FROM search_index s JOIN search_docs d ON d.doc_id = s.rowid
          WHERE search_index MATCH ? ${bound ? `AND s.rowid < CAST(? AS INTEGER) * ${DOC_BUCKET} + CAST(? AS INTEGER)` : ''} ${start}
          ORDER BY s.rowid DESC LIMIT ?`,
        [match, ...(bound ? [bound.ms, bound.n] : []), batch],
        request.budget,
      );
      const fresh: string[] = [];
      for (const row of rows) {
        if (seen.has(row.id)) continue;
        seen.set(row.id, row.ms);
        fresh.push(row.id);
      }
      if (filtered && fresh.length > 0) {
        const passing = await this.read<{ id: string }[]>(
          `SELECT t.id FROM tickets t WHERE t.id IN (${fresh.map(() => '?').join(', ')}) AND ${where}`,
          [...fresh, ...params],
          request.budget,
        );
        for (const row of passing) accepted.add(row.id);
      } else {
        for (const id of fresh) accepted.add(id);
      }
      read += rows.length;
      const exhausted = rows.length < batch;
      const last = rows[rows.length - 1];
      // Chats of a later millisecond than the last document read can have no documents left unread.
      const complete = [...accepted].map((id) => [id, seen.get(id)!] as const).filter(([, ms]) => exhausted || !last || ms > last.ms);
      if (exhausted || complete.length >= request.take) {
        return complete
          .sort(([idA, msA], [idB, msB]) => msB - msA || (idA < idB ? 1 : idA > idB ? -1 : 0))
          .slice(0, request.take)
          .map(([id]) => id);
      }
      if (hasFilter(request.filter)) {
        const rate = accepted.size / seen.size;
        const projected = rate > 0 ? ((request.take - complete.length) / rate) * (read / seen.size) : Infinity;
        const limit = switchAfterDocs(request.take);
        if (read >= limit || (seen.size >= 20 && read + projected > limit)) return null;
      }
      bound = { ms: last!.ms, n: last!.n };
      batch = Math.min(batch * 2, maxBatch(request.take));
    }
  }

  private async chatDriven(request: ChatPageRequest, match: string): Promise<HistoryChatRow[]> {
    const { where, params } = filterSql(request.filter, request.cursor);
    const rows = await this.read<RawChat[]>(
      chatDrivenSql(where),
      [...params, match, request.take],
      request.budget,
    );
    return rows.map(mapChat);
  }

  private async load(ids: string[], budget: SearchBudget): Promise<HistoryChatRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.read<RawChat[]>(
      `SELECT ${CHAT_COLUMNS} FROM tickets t LEFT JOIN staff_users u ON u.id = t.assignee_id WHERE t.id IN (${ids.map(() => '?').join(', ')})`,
      ids,
      budget,
    );
    const byId = new Map(rows.map((r) => [r.id, mapChat(r)]));
    return ids.map((id) => byId.get(id)).filter((row): row is HistoryChatRow => row !== undefined);
  }

  private read<T>(sql: string, params: unknown[], budget: SearchBudget, firstPerKey?: FirstPerKey): Promise<T> {
    return this.reader.query<T>(sql, params, budget.deadline, firstPerKey);
  }

  private async withErrors<T>(budget: SearchBudget, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ReadDeadlineExceeded) throw queryTooBroad(budget);
      const message = (error as Error).message ?? '';
      if (/fts5|syntax error|unterminated|malformed MATCH/i.test(message)) {
        throw validationError('The search could not be understood', [{ field: 'q', message: 'use plain words or "a phrase"' }]);
      }
      throw error;
    }
  }
}

