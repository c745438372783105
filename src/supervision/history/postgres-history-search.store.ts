import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { validationError } from '../../common/errors';
import { LESS_THAN_STAND_IN, SEARCH_CONFIG, SEARCH_TEXT } from '../../database/migrations/postgres/1764400000000-history-search';
import { fromDbTime, Sql } from '../../database/sql';
import { SearchQuery, SNIPPET_MARKERS } from './fts-query';
import { ChatPageRequest, HistoryChatRow, HistorySearchStore, SnippetRow } from './history-search.store';
import { CHAT_COLUMNS, filterSql, mapChat, POSTGRES_FILTERS, RawChat } from './history-sql';
import { queryTooBroad, SearchBudget } from './search-budget';

const QUERY_CANCELED = '57014';

const TSQUERY = `to_tsquery('${SEARCH_CONFIG}', ?)`;

// Quoted, so that the options parser takes the markers as they are.
const HEADLINE_OPTIONS = `StartSel="${SNIPPET_MARKERS.open}", StopSel="${SNIPPET_MARKERS.close}", MaxWords=16, MinWords=8`;

const ELLIPSIS = '…';
const STAND_IN = new RegExp(LESS_THAN_STAND_IN, 'g');
const MARKERS = new RegExp(`[${SNIPPET_MARKERS.open}${SNIPPET_MARKERS.close}]`, 'g');

interface RawSnippet {
  chatId: string;
  source: 'message' | 'note';
  text: string;
  body: string;
  seq: number | null;
  author: string | null;
  messageAuthorName: string | null;
  noteAuthorName: string | null;
  createdAt: Date | string;
}

const CHATS_BEFORE_INDEX = 1000;
// Fewer for prefixes: these chats' documents are all read when the prefix is rare.
const CHATS_BEFORE_INDEX_FOR_PREFIX = 300;

// The planner cannot tell how rare an unseen word is, so it would walk every chat for a word that is nowhere.
// Nor how common a prefix is (`postkass:*`): taking it for rare, it read all 120,000 matching documents
// through the GIN index for one page (3 s at a million messages). So with a prefix the newest chats are
// looked at one by one first (LATERAL, ts_match_vq: no index), and the index is used only when they held too few.
@Injectable()
export class PostgresHistorySearchStore extends HistorySearchStore {
  constructor(private readonly sql: Sql) {
    super();
  }

  findChats(request: ChatPageRequest): Promise<HistoryChatRow[]> {
    return this.withinBudget(request.budget, (query) => this.chats(request, query));
  }

  private async chats(request: ChatPageRequest, query: BudgetedQuery): Promise<HistoryChatRow[]> {
    const { where, params } = filterSql(POSTGRES_FILTERS, request.filter, request.cursor);
    const order = 'ORDER BY t.created_at DESC, t.id DESC';
    if (!request.search) {
      const rows = await query<RawChat[]>(
        `SELECT ${CHAT_COLUMNS} FROM tickets t LEFT JOIN staff_users u ON u.id = t.assignee_id WHERE ${where} ${order} LIMIT ?`,
        [...params, request.take],
      );
      return rows.map(mapChat);
    }
    const tsquery = request.search.tsquery;
    const prefix = request.search.terms.some((term) => term.prefix);
    const examine = prefix ? Math.max(CHATS_BEFORE_INDEX_FOR_PREFIX, request.take * 2) : Math.max(CHATS_BEFORE_INDEX, request.take * 4);
    const match = prefix
      ? `CROSS JOIN LATERAL (SELECT 1 FROM search_docs d WHERE d.ticket_id = t.id AND ts_match_vq(d.document, ${TSQUERY}) LIMIT 1) hit
         LEFT JOIN staff_users u ON u.id = t.assignee_id`
      : `LEFT JOIN staff_users u ON u.id = t.assignee_id
        WHERE EXISTS (SELECT 1 FROM search_docs d WHERE d.ticket_id = t.id AND d.document @@ ${TSQUERY})`;
    const newest = await query<RawChat[]>(
      `SELECT ${CHAT_COLUMNS} FROM (SELECT * FROM tickets t WHERE ${where} ${order} LIMIT ${examine}) t
         ${match}
        ${order} LIMIT ?`,
      [...params, tsquery, request.take],
    );
    if (newest.length >= request.take) return newest.map(mapChat);
    const [{ examined }] = await query<{ examined: string | number }[]>(
      `SELECT COUNT(*) AS examined FROM (SELECT 1 FROM tickets t WHERE ${where} ${order} LIMIT ${examine}) t`,
      params,
    );
    if (Number(examined) < examine) return newest.map(mapChat);
    // OFFSET 0 keeps the lookup per chat: the planner, expecting many more, would hash all tickets.
    const rows = await query<RawChat[]>(
      `WITH hits AS MATERIALIZED (SELECT DISTINCT d.ticket_id FROM search_docs d WHERE d.document @@ ${TSQUERY}),
       page AS (SELECT t.id, t.created_at FROM hits h
                  CROSS JOIN LATERAL (SELECT t.id, t.created_at FROM tickets t WHERE t.id = h.ticket_id AND ${where} OFFSET 0) t
                 ${order} LIMIT ?)
       SELECT ${CHAT_COLUMNS} FROM page p JOIN tickets t ON t.id = p.id
         LEFT JOIN staff_users u ON u.id = t.assignee_id
        ${order}`,
      [tsquery, ...params, request.take],
    );
    return rows.map(mapChat);
  }

  async findSnippets(search: SearchQuery, chats: Pick<HistoryChatRow, 'id' | 'createdAt'>[], perChat: number, budget: SearchBudget): Promise<Map<string, SnippetRow[]>> {
    const result = new Map<string, SnippetRow[]>(chats.map((chat) => [chat.id, []]));
    if (chats.length === 0) return result;
    // ts_match_vq is @@ without the GIN index, which would read every document with a common word.
    const rows = await this.withinBudget(budget, (query) =>
      query<RawSnippet[]>(
        `SELECT x.ticket_id AS "chatId", x.source, ts_headline('${SEARCH_CONFIG}', ${SEARCH_TEXT('x.body')}, ${TSQUERY}, ?) AS text, x.body,
                m.seq, m.author, m.author_name AS "messageAuthorName", n.author_name AS "noteAuthorName", COALESCE(m.created_at, n.created_at) AS "createdAt"
           FROM (SELECT d.doc_id, d.source, d.source_id, d.ticket_id, d.body, row_number() OVER (PARTITION BY d.ticket_id ORDER BY d.doc_id) AS n
                   FROM search_docs d WHERE d.ticket_id = ANY(?) AND ts_match_vq(d.document, ${TSQUERY})) x
           LEFT JOIN messages m ON x.source = 'message' AND m.id = x.source_id
           LEFT JOIN notes n ON x.source = 'note' AND n.id = x.source_id
          WHERE x.n <= ?
          ORDER BY x.ticket_id, x.doc_id`,
        [search.tsquery, HEADLINE_OPTIONS, chats.map((chat) => chat.id), search.tsquery, perChat],
      ),
    );
    for (const r of rows) {
      result.get(r.chatId)?.push({
        source: r.source,
        author: r.source === 'note' ? (r.noteAuthorName ?? null) : r.author,
        authorName: r.source === 'note' ? (r.noteAuthorName ?? null) : r.messageAuthorName,
        seq: r.source === 'message' && r.seq !== null ? Number(r.seq) : null,
        createdAt: fromDbTime(r.createdAt),
        marked: withEllipses(r.text.replace(STAND_IN, '<'), r.body),
      });
    }
    return result;
  }

  private async withinBudget<T>(budget: SearchBudget, work: (query: BudgetedQuery) => Promise<T>): Promise<T> {
    try {
      return await this.sql.readOnlyTransaction(async (db: EntityManager) => {
        // The planner costs a prefix's index path far too high, so JIT compiled it: 10–15 ms for a query that
        // runs in 3 ms, over 100 ms on a connection's first (bench/README.md).
        await db.query('SET LOCAL jit = off');
        return work(async <R>(sql: string, params: unknown[]) => {
          budget.check();
          await db.query(`SET LOCAL statement_timeout = ${Math.max(1, budget.remainingMs())}`);
          return this.sql.query<R>(sql, params, db);
        });
      });
    } catch (error) {
      if ((error as { code?: string }).code === QUERY_CANCELED) throw queryTooBroad(budget);
      if (/tsquery/i.test((error as Error).message ?? '')) {
        throw validationError('The search could not be understood', [{ field: 'q', message: 'use plain words or "a phrase"' }]);
      }
      throw error;
    }
  }
}

type BudgetedQuery = <R>(sql: string, params: unknown[]) => Promise<R>;

function withEllipses(headline: string, body: string): string {
  const plain = headline.replace(MARKERS, '');
  const at = plain === '' ? -1 : body.indexOf(plain);
  if (at < 0) return headline;
  const before = body.slice(0, at).trim() !== '' ? ELLIPSIS : '';
  const after = body.slice(at + plain.length).trim() !== '' ? ELLIPSIS : '';
  return `${before}${headline}${after}`;
}
