#!/usr/bin/env node
/*
 * History search benchmark. Run after `npm run build` (npm run bench:history does both):
 *
 *   node bench/history-search.js [--messages 1000000] [--chats 50000] [--queries 200] [--inserts 4000] [--keep]
 *
 * 1. creates a database in a temporary directory with the real migrations;
 * 2. seeds chats, messages (and a note in every tenth chat) directly with better-sqlite3, in large
 *    transactions with the search triggers off, then indexes everything with the migration's backfill
 *    and puts the triggers back;
 * 3. starts the application in-process and measures GET /api/history over HTTP (keep-alive), for rare
 *    and common words, with and without filters: p50/p95/p99 over --queries requests per scenario;
 * 4. measures how fast chat messages are stored with and without the search triggers, in the same
 *    run, on the same database: through the application's own write path (MessageStore.append
 *    in Transactions.run, one message per transaction), and with bare SQL doing the same statements.
 * Plain JavaScript on purpose: it uses the compiled application in dist/ and needs no TypeScript runner.
 */
'use strict';
const POSTGRES = process.argv.includes('--postgres') ? process.argv[process.argv.indexOf('--postgres') + 1] : null;
// Before any entity is loaded: their column types are chosen from DATABASE_URL.
if (POSTGRES) process.env.DATABASE_URL = POSTGRES;
require('reflect-metadata');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');
const Database = require('better-sqlite3');

const dist = join(__dirname, '..', 'dist');
const { DataSource } = require('typeorm');
const { buildDataSourceOptions } = require(join(dist, 'database/data-source-options'));
const { Transactions } = require(join(dist, 'database/transactions'));
const { MessageStore } = require(join(dist, 'tickets/message-store/message-store'));
const { SEARCH_BACKFILL, SEARCH_TRIGGERS, SEARCH_TRIGGER_NAMES } = require(join(dist, 'database/migrations/1764400000000-history-search'));
const { buildFtsMatch } = require(join(dist, 'supervision/history/fts-query'));
const { MAX_PREFIX_TERMS, PREFIX_TERMS_SQL, prefixTermParams } = require(join(dist, 'supervision/history/prefix-terms'));
const { seedPostgres, setSearchTriggers: setPostgresSearchTriggers } = require('./history-search-postgres');
const { startHistoryDesk } = require('./lib/history-desk');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const MESSAGES = arg('messages', 1_000_000);
const CHATS = arg('chats', Math.max(1, Math.round(MESSAGES / 20)));
const QUERIES = arg('queries', 200);
const INSERTS = arg('inserts', 4000);
const KEEP = process.argv.includes('--keep');

// A deterministic pseudo-random generator, so every run seeds the same data.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const FILLER = (
  'jeg har ikke fått brevet fra nav og lurer på hvorfor det ikke kommer i postkassen min kan du hjelpe meg med å ' +
  'logge inn med bankid på mobil det står at kontoen er sperret hva gjør jeg nå takk for svaret ha en fin dag ' +
  'hei hvordan bytter jeg digital postkasse fra eboks til digipost skatteetaten sendte melding om skattemeldingen ' +
  'passord glemt minid er avviklet du må bruke bankid eller buypass helsenorge samtykke reservasjon kontaktregisteret ' +
  'oppdatere mobilnummer epostadresse varsel kom ikke frem sjekk søppelpost prøv igjen senere feilkode vedlegg'
).split(' ');
const COMMON = ['postkassen', 'innlogging', 'brevet']; // each in about a third, a quarter, a fifth of the messages
const COMMON_SHARE = [0.33, 0.25, 0.2];
// Other forms of the same word, together in about 1 % of the messages: `postkasse` must find them all.
const INFLECTED = ['postkassa', 'postkasser', 'postkassene'];
const INFLECTED_SHARE = 0.01;
const RARE = Array.from({ length: 20 }, (_, i) => `sjeldenord${i}`); // each in about 25 messages
const TOPICS = ['digital-mailbox', 'id-porten', 'other'];
const OUTCOMES = ['resolved', 'referred', 'no-response', 'other'];
const toDb = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

function text(words) {
  const parts = Array.from({ length: 8 + Math.floor(random() * 12) }, () => pick(FILLER));
  for (const word of words) parts.splice(Math.floor(random() * parts.length), 0, word);
  return parts.join(' ');
}

/** The same chats, messages and notes for either database, handed over in order. */
async function generate(agents, now, { ticket, message: onMessage, note }) {
  const rarePlaces = new Map();
  for (const word of RARE) for (let k = 0; k < 25; k += 1) rarePlaces.set(Math.floor(random() * MESSAGES), word);
  let message = 0;
  const perChat = MESSAGES / CHATS;
  const span = 365 * 86_400_000;
  for (let c = 0; c < CHATS; c += 1) {
    const id = randomUUID();
    const createdMs = now - span + Math.floor((c / CHATS) * span) + Math.floor(random() * 1000);
    const agent = pick(agents);
    const count = Math.max(2, Math.round(perChat * (0.5 + random())));
    // About perChat each (±50 %), the running total kept on target so that the sum is exactly MESSAGES.
    const target = Math.round((MESSAGES * (c + 1)) / CHATS);
    const last = c === CHATS - 1 ? Math.max(1, MESSAGES - message) : Math.max(1, Math.min(target - message + Math.round(count - perChat), MESSAGES - message));
    const outcome = pick(OUTCOMES);
    await ticket([id, `DS-B-${String(c).padStart(7, '0')}`, pick(TOPICS), random() < 0.3, agent.id, outcome,
      random() < 0.4 ? 1 + Math.floor(random() * 5) : null, outcome === 'referred' ? pick(['digipost', 'e-boks']) : null, last,
      createdMs + 60_000, createdMs + 900_000, createdMs + 900_000, createdMs], c);
    for (let seq = 1; seq <= last; seq += 1) {
      const words = COMMON.filter((_, i) => random() < COMMON_SHARE[i]);
      if (random() < INFLECTED_SHARE) words.push(pick(INFLECTED));
      const rare = rarePlaces.get(message);
      if (rare) words.push(rare);
      const fromCitizen = seq % 2 === 1;
      await onMessage([randomUUID(), id, seq, randomUUID(), fromCitizen ? 'citizen' : 'agent', fromCitizen ? null : agent.name, 'text', text(words), createdMs + seq * 20_000]);
      message += 1;
    }
    if (c % 10 === 0) await note([randomUUID(), id, agent.id, agent.name, text(random() < 0.5 ? ['brevet'] : []), createdMs + 100_000]);
  }
}

async function seedDatabase(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  for (const name of SEARCH_TRIGGER_NAMES) db.exec(`DROP TRIGGER ${name}`);
  const agents = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), name: `Agent ${i + 1}` }));
  const insertStaff = db.prepare(
    "INSERT INTO staff_users (id, username, display_name, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, 'x', 'agent', ?, ?)",
  );
  const now = Date.now();
  for (const [i, a] of agents.entries()) insertStaff.run(a.id, `benchagent${i}`, a.name, toDb(now), toDb(now));

  const insertTicket = db.prepare(`INSERT INTO tickets (id, reference, channel, topic, status, verified, assignee_id, outcome, closed_by,
      rating_score, referred_provider, last_seq, queued_at, accepted_at, closed_at, created_at, updated_at)
    VALUES (?, ?, 'chat', ?, 'closed', ?, ?, ?, 'agent', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertMessage = db.prepare('INSERT INTO messages (id, ticket_id, seq, client_id, author, author_name, kind, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertNote = db.prepare('INSERT INTO notes (id, ticket_id, author_id, author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const started = Date.now();
  db.exec('BEGIN');
  await generate(agents, now, {
    ticket: ([id, reference, topic, verified, agent, outcome, rating, provider, last, queued, accepted, closed, created], c) => {
      if (c % 2000 === 0 && c > 0) db.exec('COMMIT; BEGIN');
      insertTicket.run(id, reference, topic, verified ? 1 : 0, agent, outcome, rating, provider, last, toDb(created), toDb(queued), toDb(accepted), toDb(closed), toDb(closed));
    },
    message: (row) => insertMessage.run(...row.slice(0, 8), toDb(row[8])),
    note: (row) => insertNote.run(...row.slice(0, 5), toDb(row[5])),
  });
  db.exec('COMMIT');
  const seeded = Date.now();
  for (const sql of SEARCH_BACKFILL) db.exec(sql);
  for (const sql of SEARCH_TRIGGERS) db.exec(sql);
  db.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
  const indexed = Date.now();
  const counts = db.prepare('SELECT (SELECT COUNT(*) FROM messages) AS messages, (SELECT COUNT(*) FROM tickets) AS chats, (SELECT COUNT(*) FROM notes) AS notes').get();
  db.pragma('synchronous = NORMAL');
  db.exec('ANALYZE');
  db.close();
  return { ...counts, agents, seedSeconds: (seeded - started) / 1000, indexSeconds: (indexed - seeded) / 1000 };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(url, cookie, name, makeQuery, count = QUERIES) {
  const times = [];
  let items = 0;
  let refused = 0;
  for (let i = 0; i < count + 5; i += 1) {
    const query = new URLSearchParams(makeQuery(i)).toString();
    const t0 = process.hrtime.bigint();
    const response = await fetch(`${url}/api/history?${query}`, { headers: { cookie } });
    const body = await response.json();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (response.status === 422 && body.error?.code === 'QUERY_TOO_BROAD') refused += i >= 5 ? 1 : 0;
    else if (response.status !== 200) throw new Error(`${name}: ${response.status} ${JSON.stringify(body)}`);
    if (i >= 5 && response.status === 200) {
      times.push(ms); // the first five warm up
      items += body.items.length;
    }
  }
  times.sort((a, b) => a - b);
  const round = (x) => Math.round(x * 10) / 10;
  return { scenario: name, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), itemsPerPage: round(items / Math.max(1, times.length)), queries: count, refused };
}

/** Messages per second, one message per transaction, alternating blocks with and without the triggers. */
async function insertRates(label, storeOne, setTriggers) {
  const rounds = 4;
  const block = Math.max(50, Math.round(INSERTS / rounds));
  const total = { with: 0, without: 0 };
  for (let r = 0; r < rounds; r += 1) {
    for (const mode of r % 2 === 0 ? ['with', 'without'] : ['without', 'with']) {
      await setTriggers(mode === 'with');
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < block; i += 1) await storeOne(i);
      total[mode] += Number(process.hrtime.bigint() - t0) / 1e9;
    }
  }
  await setTriggers(true);
  const withIndex = (block * rounds) / total.with;
  const without = (block * rounds) / total.without;
  return { path: label, messages: block * rounds * 2, perSecondWithIndex: Math.round(withIndex), perSecondWithout: Math.round(without), ratio: Math.round((withIndex / without) * 100) / 100 };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-'));
  const file = join(dir, 'bench.sqlite');
  console.log(`History search benchmark on ${POSTGRES ? 'PostgreSQL' : 'SQLite'}: ${MESSAGES} messages in ${CHATS} chats, ${QUERIES} queries per scenario (${POSTGRES ? 'database given' : dir})`);
  let seeded;
  if (POSTGRES) {
    seeded = await seedPostgres(POSTGRES, MESSAGES, generate);
    console.log(seeded.reused ? 'Reusing the seeded database' : `Seeded in ${seeded.seedSeconds} s; search_docs filled in ${seeded.backfillSeconds} s, GIN index built in ${seeded.ginSeconds} s`);
  } else {
    const schema = new DataSource(buildDataSourceOptions({ type: 'sqlite', path: file }));
    await schema.initialize();
    await schema.destroy();
    seeded = await seedDatabase(file);
    console.log(`Seeded ${seeded.chats} chats, ${seeded.messages} messages, ${seeded.notes} notes in ${seeded.seedSeconds} s; indexed in ${seeded.indexSeconds} s`);
  }

  const { app, url, cookie } = await startHistoryDesk({ databaseUrl: POSTGRES ?? `sqlite:${file}`, dataDir: dir, logger: ['error', 'warn'] });

  const agent = seeded.agents[3].id;
  const results = [];
  results.push(await measure(url, cookie, 'rare word', (i) => ({ q: RARE[i % RARE.length] })));
  results.push(await measure(url, cookie, 'common word (with its inflections)', (i) => ({ q: COMMON[i % COMMON.length] })));
  results.push(await measure(url, cookie, 'two common words', () => ({ q: 'postkassen innlogging' })));
  results.push(await measure(url, cookie, 'exact word ("postkassen")', () => ({ q: '"postkassen"' })));
  results.push(await measure(url, cookie, 'inflections (postkasse)', () => ({ q: 'postkasse' })));
  results.push(await measure(url, cookie, 'prefix postkass*', () => ({ q: 'postkass*' })));
  results.push(await measure(url, cookie, 'prefix sjelden* (20 rare words)', () => ({ q: 'sjelden*' })));
  results.push(await measure(url, cookie, 'short prefix po*', () => ({ q: 'po*' })));
  results.push(await measure(url, cookie, 'inflections + rare word', (i) => ({ q: `postkasse ${RARE[i % RARE.length]}` })));
  results.push(await measure(url, cookie, 'rare word + topic + outcome', (i) => ({ q: RARE[i % RARE.length], topic: 'digital-mailbox', outcome: 'resolved' })));
  results.push(await measure(url, cookie, 'common word + topic + outcome', (i) => ({ q: COMMON[i % COMMON.length], topic: TOPICS[i % 3], outcome: 'resolved' })));
  results.push(await measure(url, cookie, 'common word + agent + rating', (i) => ({ q: COMMON[i % COMMON.length], agent, rating: 1 + (i % 5) })));
  results.push(await measure(url, cookie, 'common word + period (30 days)', (i) => ({ q: COMMON[i % COMMON.length], from: new Date(Date.now() - 200 * 86_400_000).toISOString(), to: new Date(Date.now() - 170 * 86_400_000).toISOString() })));
  results.push(await measure(url, cookie, 'prefix postkass* + five strict filters', () => ({ q: 'postkass*', verified: 'true', channel: 'chat', rating: 5, outcome: 'other', topic: 'other' })));
  results.push(await measure(url, cookie, 'common word + five strict filters', () => ({ q: 'brevet', verified: 'true', channel: 'chat', rating: 5, outcome: 'other', topic: 'other' })));
  results.push(await measure(url, cookie, 'filters only, no words', (i) => ({ topic: TOPICS[i % 3], outcome: 'referred', provider: 'digipost' })));
  console.log('\nGET /api/history (ms, over HTTP, keep-alive)');
  console.table(results);

  // Storing messages: the application's own write path, then bare SQL.
  const dataSource = app.get(DataSource);
  const transactions = app.get(Transactions);
  const messages = app.get(MessageStore);
  const chatIds = Array.from({ length: 100 }, () => randomUUID());
  await transactions.run(async (db) => {
    for (const [i, id] of chatIds.entries()) {
      const at = POSTGRES ? new Date(Date.now() + i) : toDb(Date.now() + i);
      await db.query(`INSERT INTO tickets (id, reference, channel, topic, status, created_at, updated_at) VALUES (${POSTGRES ? "$1, $2, 'chat', 'other', 'active', $3, $4" : "?, ?, 'chat', 'other', 'active', ?, ?"})`, [id, `DS-W-${Date.now() % 1e6}-${i}`, at, at]);
    }
  });
  const appTriggers = POSTGRES
    ? async (on) => {
        const client = new (require('pg').Client)({ connectionString: POSTGRES });
        await client.connect();
        await setPostgresSearchTriggers(client, on).finally(() => client.end());
      }
    : async (on) => {
        const present = (await dataSource.query("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"))[0].n > 0;
        if (on && !present) for (const sql of SEARCH_TRIGGERS) await dataSource.query(sql);
        if (!on && present) for (const name of SEARCH_TRIGGER_NAMES) await dataSource.query(`DROP TRIGGER ${name}`);
      };
  const rates = [];
  rates.push(
    await insertRates('application (MessageStore.append in Transactions.run)', (i) =>
      transactions.run((db) => messages.append(db, chatIds[i % chatIds.length], { clientId: randomUUID(), author: 'citizen', kind: 'text', body: text(random() < 0.3 ? ['postkassen'] : []), createdAt: new Date() })), appTriggers),
  );
  await app.close();
  if (POSTGRES) {
    console.log('\nStoring chat messages, one per transaction (messages per second)');
    console.table(rates);
    rmSync(dir, { recursive: true, force: true });
    return;
  }

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  console.log('\nThe same prefix on the same database, straight through better-sqlite3 (newest 400 documents, ms)');
  console.table(ftsPrefixBaseline(db));
  const bump = db.prepare('UPDATE tickets SET last_seq = last_seq + 1 WHERE id = ?');
  const lastSeq = db.prepare('SELECT last_seq FROM tickets WHERE id = ?');
  const insert = db.prepare("INSERT INTO messages (id, ticket_id, seq, client_id, author, kind, body, created_at) VALUES (?, ?, ?, ?, 'citizen', 'text', ?, ?)");
  const storeOne = db.transaction((chatId, body) => {
    bump.run(chatId);
    insert.run(randomUUID(), chatId, lastSeq.get(chatId).last_seq, randomUUID(), body, toDb(Date.now()));
  });
  const sqlTriggers = async (on) => {
    const present = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'").get().n > 0;
    if (on && !present) for (const sql of SEARCH_TRIGGERS) db.exec(sql);
    if (!on && present) for (const name of SEARCH_TRIGGER_NAMES) db.exec(`DROP TRIGGER ${name}`);
  };
  rates.push(await insertRates('bare SQL (same statements, better-sqlite3)', async (i) => storeOne(chatIds[i % chatIds.length], text(random() < 0.3 ? ['postkassen'] : [])), sqlTriggers));
  const integrity = db.prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)");
  integrity.run();
  db.close();
  console.log('\nStoring chat messages, one per transaction (messages per second)');
  console.table(rates);
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}

/** FTS5's own prefix query against the whole-term OR the store builds from the vocabulary, in the same run. */
function ftsPrefixBaseline(db) {
  const newest = db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT 400');
  const terms = db.prepare(`${PREFIX_TERMS_SQL}`);
  const time = (work, runs = 20) => {
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = process.hrtime.bigint();
      work();
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    return { p50: Math.round(percentile(times, 50) * 100) / 100, p95: Math.round(percentile(times, 95) * 100) / 100 };
  };
  return ['postkass', 'sjelden', 'po'].map((prefix) => {
    const params = prefixTermParams(prefix, MAX_PREFIX_TERMS);
    const expanded = terms.all(...params).map((r) => r.term);
    return {
      prefix: `${prefix}*`,
      terms: expanded.length,
      'FTS5 prefix query': time(() => newest.all(`"${prefix}"*`), 5),
      'vocabulary look-up': time(() => terms.all(...params)),
      'OR of the whole terms': time(() => newest.all(buildFtsMatch([{ text: prefix, prefix: true }], new Map([[0, expanded]])))),
    };
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
