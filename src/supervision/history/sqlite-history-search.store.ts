import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validationError } from '../../common/errors';
import type { PageCursor } from '../../common/pagination';
import { DOC_BUCKET } from '../../database/migrations/1764400000000-history-search';
import { fromDbTime } from '../../database/sql';
import { SearchQuery, SNIPPET_MARKERS } from './fts-query';
import { ChatPageRequest, HistoryChatRow, HistoryFilter, HistorySearchStore, SnippetRow } from './history-search.store';
import { CHAT_COLUMNS, filterSql as dialectFilterSql, hasFilter, mapChat, RawChat, SQLITE_FILTERS } from './history-sql';

/** Index documents read per step when the index drives the search. */
const FIRST_BATCH = 400;
const MAX_BATCH = 1600;
/** After this many documents without a full page, let the (few) filtered chats drive instead. */
const SWITCH_AFTER_DOCS = 2000;

/**
 * Conditions on tickets `t` and their parameters, in order. The unary `+` keeps SQLite from
 * choosing the small indexes on those columns: walking (created_at, id), or one agent's
 * (assignee_id, created_at, id), newest first and stopping at the page's end is what is fast.
 */
const filterSql = (filter: HistoryFilter, cursor?: PageCursor) => dialectFilterSql(SQLITE_FILTERS, filter, cursor);

/**
 * History search on SQLite FTS5 (schema and triggers: migration 1764400000000). Index rowids are
 * `chat created_at ms * 2^20 + n`, so:
 * - index-driven: read matching documents in rowid order, newest chats first, and stop as soon as
 *   a page of chats is complete (every chat of a millisecond seen) - fast for any word when the
 *   filters let most chats through;
 * - chat-driven: when strict filters reject most of what the index yields, walk the filtered
 *   chats newest first and ask the index about each chat's own rowid range.
 * Both give exactly the order (created_at DESC, id DESC) of the keyset cursor.
 */
@Injectable()
export class SqliteHistorySearchStore extends HistorySearchStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async findChats(request: ChatPageRequest): Promise<HistoryChatRow[]> {
    if (!request.search) return this.chatsWithoutText(request);
    const match = request.search.match;
    return this.withFtsErrors(async () => {
      const ids = await this.indexDriven(request, match);
      if (ids) return this.load(ids);
      return this.chatDriven(request, match);
    });
  }

  async findSnippets(search: SearchQuery, chats: Pick<HistoryChatRow, 'id' | 'createdAt'>[], perChat: number): Promise<Map<string, SnippetRow[]>> {
    const match = search.match;
    const result = new Map<string, SnippetRow[]>();
    const { open, close } = SNIPPET_MARKERS;
    await this.withFtsErrors(async () => {
      for (const chat of chats) {
        const ms = chat.createdAt.getTime();
        const rows = await this.dataSource.query<
          { source: 'message' | 'note'; text: string; seq: number | null; author: string | null; messageAuthorName: string | null; noteAuthorName: string | null; createdAt: string }[]
        >(
          `SELECT d.source, snippet(search_index, 0, ?, ?, '…', 16) AS text, m.seq, m.author, m.author_name AS "messageAuthorName",
                  n.author_name AS "noteAuthorName", COALESCE(m.created_at, n.created_at) AS "createdAt"
             FROM search_index s
             JOIN search_docs d ON d.doc_id = s.rowid
             LEFT JOIN messages m ON d.source = 'message' AND m.id = d.source_id
             LEFT JOIN notes n ON d.source = 'note' AND n.id = d.source_id
            WHERE search_index MATCH ? AND s.rowid >= CAST(? AS INTEGER) * ${DOC_BUCKET} AND s.rowid < (CAST(? AS INTEGER) + 1) * ${DOC_BUCKET} AND d.ticket_id = ?
            ORDER BY s.rowid LIMIT ?`,
          [open, close, match, ms, ms, chat.id, perChat],
        );
        result.set(
          chat.id,
          rows.map((r) => ({
            source: r.source,
            author: r.source === 'note' ? (r.noteAuthorName ?? null) : r.author,
            authorName: r.source === 'note' ? (r.noteAuthorName ?? null) : r.messageAuthorName,
            seq: r.source === 'message' ? r.seq : null,
            createdAt: fromDbTime(r.createdAt),
            marked: r.text,
          })),
        );
      }
    });
    return result;
  }

  private async chatsWithoutText(request: ChatPageRequest): Promise<HistoryChatRow[]> {
    const { where, params } = filterSql(request.filter, request.cursor);
    const rows = await this.dataSource.query<RawChat[]>(
      `SELECT ${CHAT_COLUMNS} FROM tickets t LEFT JOIN staff_users u ON u.id = t.assignee_id
        WHERE ${where} ORDER BY t.created_at DESC, t.id DESC LIMIT ?`,
      [...params, request.take],
    );
    return rows.map(mapChat);
  }

  /**
   * The chat ids of the page in order, or null when the index yields too little under these
   * filters. Documents are read in fixed-size batches (their count bounds the work); their chats
   * are then checked against the filters in one query per batch.
   */
  private async indexDriven(request: ChatPageRequest, match: string): Promise<string[] | null> {
    const filtered = hasFilter(request.filter) || request.cursor !== undefined;
    const { where, params } = filterSql(request.filter, request.cursor);
    // The first bound is the end of the cursor's millisecond or of the period; later ones the last document read.
    const end = Math.min(request.cursor ? request.cursor.createdAt.getTime() + 1 : Infinity, request.filter.to ? request.filter.to.getTime() : Infinity);
    let bound: { ms: number; n: number } | null = Number.isFinite(end) ? { ms: end, n: 0 } : null;
    const start = request.filter.from ? `AND s.rowid >= CAST(${Math.trunc(request.filter.from.getTime())} AS INTEGER) * ${DOC_BUCKET}` : '';
    const seen = new Map<string, number>();
    const accepted = new Set<string>();
    let batch = FIRST_BATCH;
    let read = 0;
    for (;;) {
      const rows = await this.dataSource.query<{ ms: number; n: number; id: string }[]>(
        `SELECT s.rowid / ${DOC_BUCKET} AS ms, s.rowid % ${DOC_BUCKET} AS n, d.ticket_id AS id
           FROM search_index s JOIN search_docs d ON d.doc_id = s.rowid
          WHERE search_index MATCH ? ${bound ? `AND s.rowid < CAST(? AS INTEGER) * ${DOC_BUCKET} + CAST(? AS INTEGER)` : ''} ${start}
          ORDER BY s.rowid DESC LIMIT ?`,
        [match, ...(bound ? [bound.ms, bound.n] : []), batch],
      );
      const fresh: string[] = [];
      for (const row of rows) {
        if (seen.has(row.id)) continue;
        seen.set(row.id, row.ms);
        fresh.push(row.id);
      }
      if (filtered && fresh.length > 0) {
        const passing = await this.dataSource.query<{ id: string }[]>(
          `SELECT t.id FROM tickets t WHERE t.id IN (${fresh.map(() => '?').join(', ')}) AND ${where}`,
          [...fresh, ...params],
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
        // Documents still to read for a full page at the rate the filters have let chats through so far.
        const rate = accepted.size / seen.size;
        const projected = rate > 0 ? ((request.take - complete.length) / rate) * (read / seen.size) : Infinity;
        if (read >= SWITCH_AFTER_DOCS || (seen.size >= 20 && read + projected > SWITCH_AFTER_DOCS)) return null;
      }
      bound = { ms: last!.ms, n: last!.n };
      batch = Math.min(batch * 2, MAX_BATCH);
    }
  }

  private async chatDriven(request: ChatPageRequest, match: string): Promise<HistoryChatRow[]> {
    const { where, params } = filterSql(request.filter, request.cursor);
    const bucket = `CAST(round(unixepoch(t.created_at, 'subsec') * 1000) AS INTEGER) * ${DOC_BUCKET}`;
    const rows = await this.dataSource.query<RawChat[]>(
      `SELECT ${CHAT_COLUMNS} FROM tickets t LEFT JOIN staff_users u ON u.id = t.assignee_id
        WHERE ${where} AND EXISTS (
          SELECT 1 FROM search_index s JOIN search_docs d ON d.doc_id = s.rowid
           WHERE search_index MATCH ? AND s.rowid >= ${bucket} AND s.rowid < ${bucket} + ${DOC_BUCKET} AND d.ticket_id = t.id)
        ORDER BY t.created_at DESC, t.id DESC LIMIT ?`,
      [...params, match, request.take],
    );
    return rows.map(mapChat);
  }

  private async load(ids: string[]): Promise<HistoryChatRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<RawChat[]>(
      `SELECT ${CHAT_COLUMNS} FROM tickets t LEFT JOIN staff_users u ON u.id = t.assignee_id WHERE t.id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    const byId = new Map(rows.map((r) => [r.id, mapChat(r)]));
    return ids.map((id) => byId.get(id)).filter((row): row is HistoryChatRow => row !== undefined);
  }

  /** FTS5 rejects some input only when it runs; that is the client's query, never a server fault. */
  private async withFtsErrors<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const message = (error as Error).message ?? '';
      if (/fts5|syntax error|unterminated|malformed MATCH/i.test(message)) {
        throw validationError('The search could not be understood', [{ field: 'q', message: 'use plain words or "a phrase"' }]);
      }
      throw error;
    }
  }
}

