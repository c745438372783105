import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { validationError } from '../../common/errors';
import { LESS_THAN_STAND_IN, SEARCH_CONFIG, SEARCH_TEXT } from '../../database/migrations/postgres/1764400000000-history-search';
import { fromDbTime, Sql } from '../../database/sql';
import { SEARCH_TERMS } from '../../database/migrations/1765200000000-history-prefix-search';
import { TERMS_PENDING } from '../../database/migrations/1765400000000-search-vocabulary';
import { buildTsQuery, isOneToken, SearchQuery, SNIPPET_MARKERS } from './fts-query';
import { ChatPageRequest, HistoryChatRow, HistorySearchStore, PerQuery, SnippetRow } from './history-search.store';
import { CHAT_COLUMNS, filterSql, mapChat, POSTGRES_FILTERS, RawChat } from './history-sql';
import { MAX_PREFIX_TERMS } from './prefix-terms';
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

// The newest chats looked at one by one before the index: all their documents are read when the words are rare.
const CHATS_BEFORE_INDEX = 300;
// When the planner expects fewer matching documents than this, they are read through the index at once.
const FEW_DOCUMENTS = 2000;

// A prefix becomes the OR of the vocabulary's whole terms that start with it (migration 1765400000000), and of the
// terms of documents the vocabulary job has not reached yet: the GIN index would collect every document of every
// matching term before intersecting. `lower`, as the `simple` configuration does; `chr(1114111)` sorts after every term.
const PREFIX_TERMS = `SELECT term FROM (
    SELECT term FROM ${SEARCH_TERMS} WHERE term >= lower(?) AND term < lower(?) || chr(1114111)
    UNION
    SELECT w COLLATE "C" FROM ${TERMS_PENDING} p JOIN search_docs d ON d.doc_id = p.doc_id CROSS JOIN unnest(tsvector_to_array(d.document)) w
     WHERE w COLLATE "C" >= lower(?) AND w COLLATE "C" < lower(?) || chr(1114111)
  ) found ORDER BY term LIMIT ?`;

interface PlannedQuery {
  tsquery: string;
  // A prefix left as it is (more than MAX_PREFIX_TERMS terms).
  prefix: boolean;
}

// The GIN index reads every matching document before the newest chats among them can be chosen: 3 s for a
// page of a common word at a million messages. So the newest chats are looked at one by one first (LATERAL,
// ts_match_vq: no index), and the index is used when they held too few, or at once when the planner's
// statistics say the words are rare. It has none for a prefix left as it is: that one always looks first.
@Injectable()
export class PostgresHistorySearchStore extends HistorySearchStore {
  private readonly planned = new PerQuery<PlannedQuery>();

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
    const { tsquery, prefix } = await this.plan(request.search, query);
    if (!prefix && (await this.estimatedDocuments(tsquery, query)) <= FEW_DOCUMENTS) return this.throughIndex(request, tsquery, query);
    const examine = Math.max(CHATS_BEFORE_INDEX, request.take * 2);
    const newest = await query<RawChat[]>(
      `SELECT ${CHAT_COLUMNS} FROM (SELECT * FROM tickets t WHERE ${where} ${order} LIMIT ${examine}) t
         CROSS JOIN LATERAL (SELECT 1 FROM search_docs d WHERE d.ticket_id = t.id AND ts_match_vq(d.document, ${TSQUERY}) LIMIT 1) hit
         LEFT JOIN staff_users u ON u.id = t.assignee_id
        ${order} LIMIT ?`,
      [...params, tsquery, request.take],
    );
    if (newest.length >= request.take) return newest.map(mapChat);
    const [{ examined }] = await query<{ examined: string | number }[]>(
      `SELECT COUNT(*) AS examined FROM (SELECT 1 FROM tickets t WHERE ${where} ${order} LIMIT ${examine}) t`,
      params,
    );
    if (Number(examined) < examine) return newest.map(mapChat);
    return this.throughIndex(request, tsquery, query);
  }

  // Every matching document through the GIN index, then their chats newest first.
  private async throughIndex(request: ChatPageRequest, tsquery: string, query: BudgetedQuery): Promise<HistoryChatRow[]> {
    const { where, params } = filterSql(POSTGRES_FILTERS, request.filter, request.cursor);
    const order = 'ORDER BY t.created_at DESC, t.id DESC';
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

  // The planner's own estimate, from the column's statistics: right for whole terms, not for a prefix.
  private async estimatedDocuments(tsquery: string, query: BudgetedQuery): Promise<number> {
    const [row] = await query<{ 'QUERY PLAN': string | [{ Plan: { 'Plan Rows': number } }] }[]>(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM search_docs d WHERE d.document @@ ${TSQUERY}`,
      [tsquery],
    );
    const plan = row!['QUERY PLAN'];
    return (typeof plan === 'string' ? (JSON.parse(plan) as [{ Plan: { 'Plan Rows': number } }]) : plan)[0].Plan['Plan Rows'];
  }

  async findSnippets(search: SearchQuery, chats: Pick<HistoryChatRow, 'id' | 'createdAt'>[], perChat: number, budget: SearchBudget): Promise<Map<string, SnippetRow[]>> {
    const result = new Map<string, SnippetRow[]>(chats.map((chat) => [chat.id, []]));
    if (chats.length === 0) return result;
    // ts_match_vq is @@ without the GIN index, which would read every document with a common word.
    const rows = await this.withinBudget(budget, async (query) => {
      const { tsquery } = await this.plan(search, query);
      return query<RawSnippet[]>(
        `SELECT x.ticket_id AS "chatId", x.source, ts_headline('${SEARCH_CONFIG}', ${SEARCH_TEXT('x.body')}, ${TSQUERY}, ?) AS text, x.body,
                m.seq, m.author, m.author_name AS "messageAuthorName", n.author_name AS "noteAuthorName", COALESCE(m.created_at, n.created_at) AS "createdAt"
           FROM (SELECT d.doc_id, d.source, d.source_id, d.ticket_id, d.body, row_number() OVER (PARTITION BY d.ticket_id ORDER BY d.doc_id) AS n
                   FROM search_docs d WHERE d.ticket_id = ANY(?) AND ts_match_vq(d.document, ${TSQUERY})) x
           LEFT JOIN messages m ON x.source = 'message' AND m.id = x.source_id
           LEFT JOIN notes n ON x.source = 'note' AND n.id = x.source_id
          WHERE x.n <= ?
          ORDER BY x.ticket_id, x.doc_id`,
        [tsquery, HEADLINE_OPTIONS, chats.map((chat) => chat.id), tsquery, perChat],
      );
    });
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

  private plan(search: SearchQuery, query: BudgetedQuery): Promise<PlannedQuery> {
    return this.planned.get(search, () => this.expandPrefixes(search, query));
  }

  private async expandPrefixes(search: SearchQuery, query: BudgetedQuery): Promise<PlannedQuery> {
    const expansions = new Map<number, string[]>();
    let prefix = false;
    for (const [i, term] of search.terms.entries()) {
      if (!term.prefix) continue;
      if (isOneToken(term.text)) {
        const rows = await query<{ term: string }[]>(PREFIX_TERMS, [term.text, term.text, term.text, term.text, MAX_PREFIX_TERMS + 1]);
        if (rows.length <= MAX_PREFIX_TERMS) {
          // No term at all: the prefix is nowhere, and an empty OR is no query.
          expansions.set(i, rows.length > 0 ? rows.map((row) => row.term) : [term.text.toLowerCase()]);
          continue;
        }
      }
      prefix = true;
    }
    return { tsquery: expansions.size > 0 ? buildTsQuery(search.terms, expansions) : search.tsquery, prefix };
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
