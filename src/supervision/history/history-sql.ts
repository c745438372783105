import type { PageCursor } from '../../common/pagination';
import { fromDbTime, optionalDbTime, toSqliteTime } from '../../database/sql';
import type { HistoryChatRow, HistoryFilter } from './history-search.store';

export const CHAT_COLUMNS = `t.id, t.reference, t.channel, t.topic, t.status, t.assignee_id AS "assigneeId", u.display_name AS "agentName",
  t.outcome, t.referred_provider AS "referredProvider", t.rating_score AS "rating", t.verified, t.created_at AS "createdAt",
  t.queued_at AS "queuedAt", t.accepted_at AS "acceptedAt", t.closed_at AS "closedAt",
  COALESCE((SELECT substr(m.body, 1, 200) FROM messages m WHERE m.ticket_id = t.id AND m.seq = 1), substr(t.summary, 1, 200), '') AS preview`;

export interface RawChat {
  id: string;
  reference: string;
  channel: HistoryChatRow['channel'];
  topic: HistoryChatRow['topic'];
  status: HistoryChatRow['status'];
  assigneeId: string | null;
  agentName: string | null;
  outcome: HistoryChatRow['outcome'];
  referredProvider: HistoryChatRow['referredProvider'];
  rating: number | null;
  verified: number | boolean;
  createdAt: string | Date;
  queuedAt: string | Date | null;
  acceptedAt: string | Date | null;
  closedAt: string | Date | null;
  preview: string;
}

export function mapChat(r: RawChat): HistoryChatRow {
  return {
    id: r.id,
    reference: r.reference,
    channel: r.channel,
    topic: r.topic,
    status: r.status,
    agent: r.assigneeId && r.agentName ? { id: r.assigneeId, displayName: r.agentName } : null,
    outcome: r.outcome ?? null,
    referredProvider: r.referredProvider ?? null,
    rating: r.rating === null || r.rating === undefined ? null : Number(r.rating),
    verified: Boolean(r.verified),
    createdAt: fromDbTime(r.createdAt),
    queuedAt: optionalDbTime(r.queuedAt),
    acceptedAt: optionalDbTime(r.acceptedAt),
    closedAt: optionalDbTime(r.closedAt),
    preview: r.preview ?? '',
  };
}

export interface FilterDialect {
  time(date: Date): unknown;
  bool(value: boolean): unknown;
  // SQLite's unary `+` keeps it from choosing small indexes over walking the history index newest first.
  noIndex: '' | '+';
  before(cursor: PageCursor): { sql: string; params: unknown[] };
}

export const SQLITE_FILTERS: FilterDialect = {
  time: toSqliteTime,
  bool: (value) => (value ? 1 : 0),
  noIndex: '+',
  before: (cursor) => {
    const at = toSqliteTime(cursor.createdAt);
    return { sql: '(t.created_at < ? OR (t.created_at = ? AND t.id < ?))', params: [at, at, cursor.id] };
  },
};

export const POSTGRES_FILTERS: FilterDialect = {
  time: (date) => date,
  bool: (value) => value,
  noIndex: '',
  before: (cursor) => ({ sql: '(t.created_at, t.id) < (?, ?)', params: [cursor.createdAt, cursor.id] }),
};

export function filterSql(dialect: FilterDialect, filter: HistoryFilter, cursor?: PageCursor): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  const plus = dialect.noIndex;
  if (filter.from) add('t.created_at >= ?', dialect.time(filter.from));
  if (filter.to) add('t.created_at < ?', dialect.time(filter.to));
  if (filter.agentId) add('t.assignee_id = ?', filter.agentId);
  if (filter.topic) add(`${plus}t.topic = ?`, filter.topic);
  if (filter.outcome) add(`${plus}t.outcome = ?`, filter.outcome);
  if (filter.provider) add(`${plus}t.referred_provider = ?`, filter.provider);
  if (filter.rating !== undefined) add(`${plus}t.rating_score = ?`, filter.rating);
  if (filter.verified !== undefined) add(`${plus}t.verified = ?`, dialect.bool(filter.verified));
  if (filter.channel) add(`${plus}t.channel = ?`, filter.channel);
  if (filter.status) add(`${plus}t.status = ?`, filter.status);
  if (cursor) {
    const before = dialect.before(cursor);
    add(before.sql, ...before.params);
  }
  return { where: conditions.length > 0 ? conditions.join(' AND ') : '1 = 1', params };
}

export const hasFilter = (filter: HistoryFilter) => Object.values(filter).some((value) => value !== undefined);
