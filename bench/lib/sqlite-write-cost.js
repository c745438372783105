#!/usr/bin/env node
'use strict';

/**
 * Where the time of storing one chat message goes inside SQLite itself (no TypeORM, no sockets):
 * the desk's statements for one message:send, run with better-sqlite3 on a copy of a desk database,
 * in groups of 256 per commit like the desk's group commit, with parts left out in turn.
 *
 *   node bench/chat-load.js --target desk --mode peak --pairs 200 --keep   # leaves a desk.sqlite
 *   node bench/lib/sqlite-write-cost.js /tmp/desk-bench-XXXX/desk.sqlite [--messages 20000]
 */
const { copyFileSync, mkdtempSync, rmSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const Database = require('better-sqlite3');

const GROUP = 256;
const BODY = 'benchmark-tekst: jeg finner ikke brevet fra Skatteetaten i den digitale postkassen min.';

function openCopy(source) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sqlite-cost-'));
  const file = path.join(dir, 'copy.sqlite');
  copyFileSync(source, file);
  for (const suffix of ['-wal', '-shm']) if (existsSync(source + suffix)) copyFileSync(source + suffix, file + suffix);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return { db, dir };
}

function statements(db) {
  return {
    savepoint: db.prepare('SAVEPOINT unit'),
    release: db.prepare('RELEASE unit'),
    byClientId: db.prepare('SELECT id FROM messages WHERE ticket_id = ? AND client_id = ?'),
    nextSeq: db.prepare('UPDATE tickets SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq AS seq'),
    insert: db.prepare('INSERT INTO messages (id, ticket_id, seq, client_id, author, author_id, author_name, kind, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
  };
}

/** Stores `count` messages round-robin over `chats` with the chosen parts; microseconds per message. */
function measure(db, chats, count, { savepoints, clientIdCheck }) {
  const s = statements(db);
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) {
    if (i % GROUP === 0) begin.run();
    const chat = chats[i % chats.length];
    const clientId = randomUUID();
    if (savepoints) s.savepoint.run();
    if (clientIdCheck) s.byClientId.get(chat, clientId);
    const { seq } = s.nextSeq.get(chat);
    s.insert.run(randomUUID(), chat, seq, clientId, 'citizen', null, null, 'text', BODY, new Date().toISOString().replace('T', ' ').replace('Z', ''));
    if (savepoints) s.release.run();
    if (i % GROUP === GROUP - 1 || i === count - 1) commit.run();
  }
  return Number(process.hrtime.bigint() - started) / 1000 / count;
}

function main() {
  const args = process.argv.slice(2);
  const source = args.find((a) => !a.startsWith('--'));
  const count = args.includes('--messages') ? Number(args[args.indexOf('--messages') + 1]) : 20000;
  if (!source) {
    console.error('usage: node bench/lib/sqlite-write-cost.js <desk.sqlite> [--messages 20000]');
    process.exit(2);
  }
  const { db, dir } = openCopy(source);
  try {
    const chats = db.prepare("SELECT id FROM tickets WHERE channel = 'chat' LIMIT 1000").all().map((r) => r.id);
    const full = { savepoints: true, clientIdCheck: true };
    const rows = [];
    const run = (label, parts) => rows.push([label, measure(db, chats, count, parts)]);
    run('warm-up (not counted)', full);
    rows.length = 0;
    run('as the desk: savepoint, clientId check, seq, insert (+ search triggers)', full);
    run('without the savepoint per message', { savepoints: false, clientIdCheck: true });
    run('without savepoint and clientId check', { savepoints: false, clientIdCheck: false });
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'messages'").all();
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    run('as the desk, without the search triggers', full);
    run('without savepoint, clientId check and search triggers', { savepoints: false, clientIdCheck: false });
    console.log(`SQLite ${db.prepare('SELECT sqlite_version() AS v').get().v}, ${count} messages per line, ${GROUP} per commit, ${chats.length} chats`);
    for (const [label, micros] of rows) console.log(`${micros.toFixed(1).padStart(8)} µs/message  ${Math.round(1e6 / micros).toLocaleString('en-US').padStart(7)} /s  ${label}`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
