'use strict';
/*
 * The PostgreSQL side of bench/history-search.js: migrations, then the same generated chats seeded in
 * multi-row statements with the search triggers off and the text index dropped, then the migration's own
 * backfill and the index built once, as an existing database would have them.
 */
const { join } = require('node:path');
const { Client } = require('pg');

const dist = join(__dirname, '..', 'dist');
const { buildDataSourceOptions } = require(join(dist, 'database/data-source-options'));
const { openDataSource } = require(join(dist, 'database/open-data-source'));
const { POSTGRES_SEARCH_BACKFILL } = require(join(dist, 'database/migrations/postgres/1764400000000-history-search'));
const { VOCABULARY_BACKFILL } = require(join(dist, 'database/migrations/1765400000000-search-vocabulary'));

const SEARCH_TRIGGERS = ['messages DISABLE TRIGGER search_messages_ai', 'notes DISABLE TRIGGER search_notes_ai'];
const BATCH = 5000;

const columns = (rows, count) => Array.from({ length: count }, (_, i) => rows.map((row) => row[i]));

async function setSearchTriggers(client, on) {
  for (const clause of SEARCH_TRIGGERS) await client.query(`ALTER TABLE ${on ? clause.replace('DISABLE', 'ENABLE') : clause}`);
}

/** Seeds the database at `url` unless it already holds `messages` messages (a kept run); returns the agents. */
async function seedPostgres(url, messages, generate) {
  const dataSource = await openDataSource(buildDataSourceOptions({ type: 'postgres', url }));
  await dataSource.destroy();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [{ n }] = (await client.query("SELECT COUNT(*)::int AS n FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.reference LIKE 'DS-B-%'")).rows;
    if (n === messages) {
      // The chats of an earlier run's write test would be the newest: gone, every run searches the same history.
      await client.query("DELETE FROM tickets WHERE reference LIKE 'DS-W-%'");
      const agents = (await client.query("SELECT id, display_name AS name FROM staff_users WHERE username LIKE 'benchagent%' ORDER BY username")).rows;
      return { agents, reused: true };
    }
    if ((await client.query('SELECT 1 FROM tickets LIMIT 1')).rows.length > 0) throw new Error(`${url} holds other data: give an empty database`);
    const agents = Array.from({ length: 20 }, (_, i) => ({ id: require('node:crypto').randomUUID(), name: `Agent ${i + 1}` }));
    const now = Date.now();
    for (const [i, a] of agents.entries()) {
      await client.query("INSERT INTO staff_users (id, username, display_name, password_hash, role, created_at, updated_at) VALUES ($1, $2, $3, 'x', 'agent', $4, $4)", [a.id, `benchagent${i}`, a.name, new Date(now)]);
    }
    await setSearchTriggers(client, false);
    await client.query('DROP INDEX idx_search_docs_document');
    const started = Date.now();
    let tickets = [];
    let rows = [];
    let notes = [];
    const flush = async () => {
      if (tickets.length > 0) {
        await client.query(
          `INSERT INTO tickets (id, reference, channel, topic, status, verified, assignee_id, outcome, closed_by, rating_score, referred_provider, last_seq,
             queued_at, accepted_at, closed_at, created_at, updated_at)
           SELECT id, ref, 'chat', topic, 'closed', verified, agent, outcome, 'agent', rating, provider, last, to_timestamp(q / 1000.0), to_timestamp(a / 1000.0),
                  to_timestamp(c / 1000.0), to_timestamp(cr / 1000.0), to_timestamp(c / 1000.0)
             FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[], $5::text[], $6::text[], $7::int[], $8::text[], $9::int[], $10::float8[], $11::float8[], $12::float8[], $13::float8[])
               AS x(id, ref, topic, verified, agent, outcome, rating, provider, last, q, a, c, cr)`,
          columns(tickets, 13),
        );
      }
      if (rows.length > 0) {
        await client.query(
          `INSERT INTO messages (id, ticket_id, seq, client_id, author, author_name, kind, body, created_at)
           SELECT id, t, seq, cid, author, name, kind, body, to_timestamp(at / 1000.0)
             FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[]) AS x(id, t, seq, cid, author, name, kind, body, at)`,
          columns(rows, 9),
        );
      }
      if (notes.length > 0) {
        await client.query(
          `INSERT INTO notes (id, ticket_id, author_id, author_name, body, created_at)
           SELECT id, t, a, name, body, to_timestamp(at / 1000.0) FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[]) AS x(id, t, a, name, body, at)`,
          columns(notes, 6),
        );
      }
      tickets = [];
      rows = [];
      notes = [];
    };
    await generate(agents, now, {
      // A chat's messages and note follow it, so a batch is written whole before the next chat starts.
      ticket: async (row) => {
        if (rows.length >= BATCH) await flush();
        tickets.push(row);
      },
      message: (row) => rows.push(row),
      note: (row) => notes.push(row),
    });
    await flush();
    const seeded = Date.now();
    await client.query(POSTGRES_SEARCH_BACKFILL);
    // As the migrations would have found them: the vocabulary filled at once, no document queued for it.
    await client.query(VOCABULARY_BACKFILL);
    const backfilled = Date.now();
    await client.query('CREATE INDEX idx_search_docs_document ON search_docs USING gin (document)');
    const indexed = Date.now();
    await setSearchTriggers(client, true);
    await client.query('VACUUM ANALYZE');
    return { agents, reused: false, seedSeconds: (seeded - started) / 1000, backfillSeconds: (backfilled - seeded) / 1000, ginSeconds: (indexed - backfilled) / 1000 };
  } finally {
    await client.end();
  }
}

module.exports = { seedPostgres, setSearchTriggers };
