#!/usr/bin/env node
/*
 * What a commit on another connection costs the history's reads on SQLite. Every commit elsewhere makes
 * SQLite drop a reader's whole page cache at its next read, and the desk commits all day (messages,
 * sessions, audit records). Run after `npm run build`, on a database kept by `node bench/history-search.js --keep`:
 *
 *   node bench/history-cold-reads.js /tmp/desk-bench-…/bench.sqlite [RUNS]
 *
 * Each statement of the strict-filter search (`postkass*` + five filters) runs RUNS times in a row with
 * nothing written between, then RUNS times with one row committed by another connection before each;
 * medians in ms. The row goes to a scratch table that is dropped at the end.
 */
'use strict';
const { join } = require('node:path');
const Database = require('better-sqlite3');

const dist = join(__dirname, '..', 'dist');
const { PREFIX_TERMS_SQL, prefixTermParams } = require(join(dist, 'supervision/history/prefix-terms'));
const { DOC_BUCKET } = require(join(dist, 'database/migrations/1764400000000-history-search'));

const file = process.argv[2];
const RUNS = Number(process.argv[3] ?? 25);
if (!file) throw new Error('Give the database file kept by history-search.js --keep');

const reader = new Database(file, { readonly: true, fileMustExist: true });
const writer = new Database(file, { fileMustExist: true });
writer.pragma('journal_mode = WAL');
writer.exec('DROP TABLE IF EXISTS bench_cold_reads; CREATE TABLE bench_cold_reads (n INTEGER)');
const touch = writer.prepare('INSERT INTO bench_cold_reads (n) VALUES (?)');

const strict = `+t.verified = 1 AND +t.channel = 'chat' AND +t.rating_score = 5 AND +t.outcome = 'other' AND +t.topic = 'other'`;
const terms = reader.prepare(PREFIX_TERMS_SQL).all(...prefixTermParams('postkass', 200)).map((row) => `"${row.term}"`);
const match = terms.join(' OR ');
const bucket = `CAST(round(unixepoch(t.created_at, 'subsec') * 1000) AS INTEGER) * ${DOC_BUCKET}`;
const statements = {
  [`vocabulary look-up of postkass (${terms.length} terms)`]: [PREFIX_TERMS_SQL, prefixTermParams('postkass', 200)],
  'strict-filter walk, 26 chats': [`SELECT t.id FROM tickets t WHERE ${strict} ORDER BY t.created_at DESC, t.id DESC LIMIT 26`, []],
  'chat-driven search (walk + MATCH per passing chat)': [
    `SELECT t.id FROM tickets t WHERE ${strict} AND EXISTS (
       SELECT 1 FROM search_index s JOIN search_docs d ON d.doc_id = s.rowid
        WHERE search_index MATCH ? AND s.rowid >= ${bucket} AND s.rowid < ${bucket} + ${DOC_BUCKET} AND d.ticket_id = t.id)
     ORDER BY t.created_at DESC, t.id DESC LIMIT 26`,
    [match],
  ],
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
for (const [name, [sql, params]] of Object.entries(statements)) {
  const statement = reader.prepare(sql);
  const plan = reader.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((step) => step.detail).find((detail) => / t /.test(` ${detail} `)) ?? '';
  const times = { quiet: [], afterCommit: [] };
  for (const kind of ['quiet', 'afterCommit']) {
    for (let i = 0; i < RUNS; i += 1) {
      if (kind === 'afterCommit') touch.run(i);
      const started = performance.now();
      statement.all(...params);
      times[kind].push(performance.now() - started);
    }
  }
  rows.push({ statement: name, 'no commit between': +median(times.quiet).toFixed(2), 'a commit before each': +median(times.afterCommit).toFixed(2), tickets: plan });
}
writer.exec('DROP TABLE bench_cold_reads');
console.log(`History reads on ${file}, median of ${RUNS} (ms)`);
console.table(rows);
