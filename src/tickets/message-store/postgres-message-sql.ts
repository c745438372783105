import type { ChatState } from './chat-message-admission';
import type { MessageRow } from './message-sql';

// Fixed texts over arrays (not a VALUES list per batch size), so each is one named prepared statement.

const MESSAGE_COLUMNS = `m.id, m.ticket_id AS "ticketId", m.seq, m.client_id AS "clientId", m.author, m.author_id AS "authorId",
  m.author_name AS "authorName", m.kind, m.body, m.created_at AS "createdAt"`;

export interface LockedChat extends ChatState {
  id: string;
  // The row as locked (latest commit) and as this statement's snapshot saw it: they differ when
  // another transaction committed messages to the chat while the lock was awaited.
  lastSeq: number;
  seenSeq: number;
}

export type LockRow = ({ row: 'chat' } & LockedChat) | ({ row: 'message' } & MessageRow);

// Each chat and each (chat, clientId) pair is one probe of its unique index, written as a LATERAL
// subquery the planner cannot flatten: a plan a connection cached while the tables were small would
// otherwise keep hash-joining a sequential scan of them as they grow (bench/README.md).
const storedPairs = (chatIds: string, clientIds: string) => `FROM unnest(${chatIds}::text[], ${clientIds}::text[]) AS w(ticket_id, client_id)
    CROSS JOIN LATERAL (SELECT * FROM messages WHERE ticket_id = w.ticket_id AND client_id = w.client_id OFFSET 0) m`;

// One round trip: locks the chats in the order given (callers sort the ids, so two instances never
// deadlock) and finds the clientIds already stored. $1 chat ids; $2, $3 (chat id, clientId) pairs.
export const LOCK_CHATS_AND_FIND_CLIENT_IDS = {
  name: 'chat_batch_lock',
  text: `SELECT 'chat' AS row, l.id, l.channel, l.status, l.assignee_id AS "assigneeId", l.verified, l.national_id AS "nationalId",
      l.citizen_name AS "citizenName", l.last_seq AS "lastSeq", s.last_seq AS "seenSeq",
      NULL::text AS "ticketId", NULL::int AS seq, NULL::text AS "clientId", NULL::text AS author, NULL::text AS "authorId",
      NULL::text AS "authorName", NULL::text AS kind, NULL::text AS body, NULL::timestamptz AS "createdAt"
    FROM unnest($1::text[]) AS c(id)
    CROSS JOIN LATERAL (
      SELECT id, channel, status, assignee_id, verified, national_id, citizen_name, last_seq FROM tickets WHERE id = c.id FOR UPDATE
    ) l
    CROSS JOIN LATERAL (SELECT last_seq FROM tickets WHERE id = c.id OFFSET 0) s
  UNION ALL
  SELECT 'message', m.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
      m.ticket_id, m.seq, m.client_id, m.author, m.author_id, m.author_name, m.kind, m.body, m.created_at
    ${storedPairs('$2', '$3')}`,
};

// Chats whose row moved while the lock was awaited: their clientIds again, in a statement that sees that commit.
export const FIND_CLIENT_IDS = {
  name: 'chat_batch_client_ids',
  text: `SELECT ${MESSAGE_COLUMNS} ${storedPairs('$1', '$2')}`,
};

// Sets each chat's last seq and inserts the batch's messages, one statement.
export const STORE_MESSAGES = {
  name: 'chat_batch_store',
  text: `WITH seqs AS (
    UPDATE tickets t SET last_seq = b.last_seq FROM unnest($1::text[], $2::int[]) AS b(id, last_seq) WHERE t.id = b.id
  )
  INSERT INTO messages (id, ticket_id, seq, client_id, author, author_id, author_name, kind, body, created_at)
    SELECT * FROM unnest($3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::timestamptz[])`,
};

export const storeParams = (lastSeqs: Map<string, number>, rows: MessageRow[]): unknown[] => [
  [...lastSeqs.keys()],
  [...lastSeqs.values()],
  ...(['id', 'ticketId', 'seq', 'clientId', 'author', 'authorId', 'authorName', 'kind', 'body', 'createdAt'] as const).map((column) =>
    rows.map((row) => row[column]),
  ),
];
