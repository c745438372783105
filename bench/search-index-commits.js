#!/usr/bin/env node
'use strict';

/**
 * How long one commit of chat messages holds the writer thread, with the search index merged in
 * small steps by every such commit (as the desk does) and, as the baseline in the same run, with
 * FTS5's own automerge (as the desk did before). The desk's own schema (its migrations, from
 * dist/) and its own write task, without sockets; both databases fresh files, filled in turns.
 *
 *   npm run build && node bench/search-index-commits.js [--messages 100000] [--per-commit 20] [--chats 1000]
 */
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { parseArgs } = require('node:util');
const { summarize, fmtMs } = require('./lib/stats');

const DIST = path.join(__dirname, '..', 'dist');
const { DataSource } = require('typeorm');
const { buildDataSourceOptions } = require(path.join(DIST, 'database/data-source-options'));
const { sqliteConnection } = require(path.join(DIST, 'database/prepared-statements'));
const { commitBatch } = require(path.join(DIST, 'database/writer-thread/write-task'));
const { storeChatMessage } = require(path.join(DIST, 'tickets/message-store/store-chat-message.task'));

const WORDS = 'hei jeg får ikke logget inn i digipost med bankid brevet fra skatteetaten e-boks passord mobil hjelp takk nav'.split(' ');

const { values } = parseArgs({
  options: { messages: { type: 'string', default: '100000' }, 'per-commit': { type: 'string', default: '20' }, chats: { type: 'string', default: '1000' } },
});
const MESSAGES = Number(values.messages);
const PER_COMMIT = Number(values['per-commit']);
const CHATS = Number(values.chats);
const ROUNDS = 10;

async function openDesk(dir, label, steps) {
  const dataSource = await new DataSource(buildDataSourceOptions({ type: 'sqlite', path: path.join(dir, `${label}.sqlite`) })).initialize();
  const db = sqliteConnection(dataSource);
  // The desk checkpoints in a thread of its own (wal-checkpointer.ts): here, between rounds, untimed.
  db.pragma('wal_autocheckpoint = 0');
  if (!steps) db.prepare(`INSERT INTO search_index (search_index, rank) VALUES ('automerge', 4)`).run();
  const insert = db.prepare(`INSERT INTO tickets (id, reference, channel, topic, status, created_at, updated_at)
    VALUES (?, ?, 'chat', 'digital-mailbox', 'queued', ?, ?)`);
  const chats = [];
  const start = Date.now() - CHATS * 1000;
  db.transaction(() => {
    for (let i = 0; i < CHATS; i += 1) {
      const id = randomUUID();
      const created = new Date(start + i * 1000).toISOString().replace('T', ' ').replace('Z', '');
      insert.run(id, `B-${i}`, created, created);
      chats.push(id);
    }
  })();
  const task = steps ? storeChatMessage : { ...storeChatMessage, afterBatch: undefined };
  return { label, dataSource, db, chats, task, commits: [], stored: 0 };
}

let bodies = 0;
function body() {
  bodies += 1;
  const words = Array.from({ length: 12 }, () => WORDS[Math.floor(Math.random() * WORDS.length)]);
  return `${words.join(' ')} ${bodies}`;
}

/** One round: `count` messages for random chats, PER_COMMIT to a commit; each commit timed (µs in commits returned). */
function fill(desk, count) {
  let micros = 0;
  for (let done = 0; done < count; done += PER_COMMIT) {
    const units = Array.from({ length: Math.min(PER_COMMIT, count - done) }, () => ({
      task: desk.task,
      args: { chatId: desk.chats[Math.floor(Math.random() * desk.chats.length)], sender: { role: 'citizen' }, id: randomUUID(), createdAt: '2026-11-24 10:00:00.000', clientId: null, body: body() },
    }));
    const t0 = process.hrtime.bigint();
    const outcomes = commitBatch(desk.db, units);
    const elapsed = Number(process.hrtime.bigint() - t0);
    desk.commits.push(elapsed / 1e6);
    micros += elapsed / 1000;
    if (outcomes.some((outcome) => !outcome.ok)) throw new Error(`A message was not stored: ${JSON.stringify(outcomes.find((o) => !o.ok))}`);
  }
  desk.stored += count;
  desk.db.pragma('wal_checkpoint(TRUNCATE)');
  return micros;
}

function searchMs(db) {
  const query = db.prepare(`SELECT COUNT(*) AS n FROM search_index WHERE search_index MATCH 'digipost bankid'`);
  const times = [];
  for (let i = 0; i < 20; i += 1) {
    const t0 = process.hrtime.bigint();
    query.get();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return summarize(times).p50;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'search-commits-'));
  const desks = [await openDesk(dir, 'steps', true), await openDesk(dir, 'automerge', false)];
  try {
    const micros = new Map(desks.map((desk) => [desk, 0]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const desk of round % 2 ? [...desks].reverse() : desks) micros.set(desk, micros.get(desk) + fill(desk, MESSAGES / ROUNDS));
    }
    console.log(`search-index-commits · ${new Date().toISOString()} · Node ${process.version}`);
    console.log(`${MESSAGES.toLocaleString('en-US')} messages over ${CHATS} chats, ${PER_COMMIT} per commit, both databases filled in ${ROUNDS} alternating rounds\n`);
    const rows = desks.map((desk) => {
      const s = summarize(desk.commits);
      const segments = desk.db.prepare('SELECT COUNT(DISTINCT segid) AS n FROM search_index_idx').get().n;
      return { desk, s, segments, slow: desk.commits.filter((ms) => ms > 10).length, perMessage: micros.get(desk) / desk.stored, search: searchMs(desk.db) };
    });
    const header = ['search index merged by', 'µs/msg', 'commit p50', 'p99', 'p99.9', 'max ms', 'commits > 10 ms', 'segments', 'search ms'];
    console.log(header.join(' | '));
    for (const r of rows) {
      const label = r.desk.label === 'steps' ? 'steps in every commit (desk)' : 'FTS5 automerge (before)';
      console.log([label, r.perMessage.toFixed(1), fmtMs(r.s.p50), fmtMs(r.s.p99), fmtMs(r.s.p999), fmtMs(r.s.max), `${r.slow} of ${r.s.count}`, r.segments, fmtMs(r.search)].join(' | '));
    }
    const [steps, automerge] = rows;
    console.log(`\nratios steps / automerge: µs per message ${(steps.perMessage / automerge.perMessage).toFixed(2)}, commit p99.9 ${(steps.s.p999 / automerge.s.p999).toFixed(2)}, max ${(steps.s.max / automerge.s.max).toFixed(2)}`);
  } finally {
    for (const desk of desks) await desk.dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
