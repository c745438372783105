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
const { filterSql, SQLITE_FILTERS } = require(join(dist, 'supervision/history/history-sql'));
const { walkSql, chatDrivenSql } = require(join(dist, 'supervision/history/sqlite-history-search.store'));

const file = process.argv[2];
const RUNS = Number(process.argv[3] ?? 25);
if (!file) throw new Error('Give the database file kept by history-search.js --keep');

const reader = new Database(file, { readonly: true, fileMustExist: true });
const writer = new Database(file, { fileMustExist: true });
writer.pragma('journal_mode = WAL');
writer.exec('DROP TABLE IF EXISTS bench_cold_reads; CREATE TABLE bench_cold_reads (n INTEGER)');
const touch = writer.prepare('INSERT INTO bench_cold_reads (n) VALUES (?)');

// The bench's strict filters: one chat in 500 passes.
const strict = filterSql(SQLITE_FILTERS, { verified: true, channel: 'chat', rating: 5, outcome: 'other', topic: 'other' });
const terms = reader.prepare(PREFIX_TERMS_SQL).all(...prefixTermParams('postkass', 200)).map((row) => `"${row.term}"`);
const match = terms.join(' OR ');
const statements = {
  [`vocabulary look-up of postkass (${terms.length} terms)`]: [PREFIX_TERMS_SQL, prefixTermParams('postkass', 200)],
  'strict-filter walk, 26 chats': [walkSql(strict.where), [...strict.params, 26]],
  'chat-driven search (walk + MATCH per passing chat)': [chatDrivenSql(strict.where), [...strict.params, match, 26]],
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
