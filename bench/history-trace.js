#!/usr/bin/env node
/*
 * Where one history request's time goes on SQLite: each read through the reader thread, timed from the
 * main thread (its work plus the round trip). Run after `npm run build` on a copy of a database kept by
 * `node bench/history-search.js --keep`: the desk runs its migrations on it and adds a supervisor.
 *
 *   node bench/history-trace.js DB 'q=postkass*&verified=true&channel=chat&rating=5&outcome=other&topic=other' [REQUESTS]
 *
 * DIST=/other/checkout/dist traces another build. The first 3 requests warm up; the rest give the median
 * and p95 of the whole request and, per statement, its mean time and calls per request.
 */
'use strict';
const { join } = require('node:path');
const { startHistoryDesk } = require('./lib/history-desk');

const dist = process.env.DIST ?? join(__dirname, '..', 'dist');
const [file, query, requests = '40'] = process.argv.slice(2);
if (!file || !query) throw new Error('Give the database file and the query string');

(async () => {
  const { app, url, cookie } = await startHistoryDesk({ dist, databaseUrl: `sqlite:${file}`, name: 'trace', env: { SEARCH_TIME_BUDGET_MS: '10000' } });
  const { SqliteReader } = require(join(dist, 'database/reader-thread/sqlite-reader'));
  const reader = app.get(SqliteReader);
  const query_ = reader.query.bind(reader);
  let reads = null;
  reader.query = async (sql, ...rest) => {
    const started = performance.now();
    try {
      return await query_(sql, ...rest);
    } finally {
      reads?.push([sql.replace(/\s+/g, ' ').slice(0, 70), performance.now() - started]);
    }
  };

  const totals = [];
  const statements = new Map();
  for (let i = 0; i < Number(requests) + 3; i += 1) {
    reads = [];
    const started = performance.now();
    const response = await fetch(`${url}/api/history?${query}`, { headers: { cookie } });
    await response.json();
    if (response.status !== 200) throw new Error(`GET /api/history answered ${response.status}`);
    const total = performance.now() - started;
    if (i < 3) continue;
    totals.push(total);
    for (const [sql, ms] of reads) {
      const entry = statements.get(sql) ?? { calls: 0, ms: 0 };
      entry.calls += 1;
      entry.ms += ms;
      statements.set(sql, entry);
    }
  }
  reads = null;
  totals.sort((a, b) => a - b);
  console.log(`GET /api/history?${query}: ${totals.length} requests, median ${totals[Math.floor(totals.length / 2)].toFixed(1)} ms, p95 ${totals[Math.floor(totals.length * 0.95)].toFixed(1)} ms`);
  console.table([...statements].map(([sql, { calls, ms }]) => ({ statement: sql, 'ms per request': +(ms / totals.length).toFixed(2), 'calls per request': +(calls / totals.length).toFixed(1) })));
  await app.close();
})();
