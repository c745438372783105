#!/usr/bin/env node
/*
 * Two builds of the desk on the same history, queries interleaved, so that both see the same load:
 *
 *   node bench/history-search-compare.js OTHER_DIST DATABASE [QUERIES] ['q1,q2,…']
 *
 * OTHER_DIST: the dist/ of another commit (git archive COMMIT | tar -x -C DIR, link node_modules,
 * npx tsc -p tsconfig.build.json there); DATABASE: a SQLite file kept by history-search.js --keep, or
 * the PostgreSQL URL it seeded. "before" is OTHER_DIST, "after" is this checkout's dist/. Run from the repository.
 */
'use strict';
const { join } = require('node:path');
const otherDist = process.argv[2];
const target = process.argv[3];
const N = Number(process.argv[4] ?? 40);
if (target.startsWith('postgres')) process.env.DATABASE_URL = target;
const { startHistoryDesk } = require('./lib/history-desk');
const start = (dist, name) =>
  startHistoryDesk({ dist, databaseUrl: target.startsWith('postgres') ? target : `sqlite:${target}`, name, env: { SEARCH_TIME_BUDGET_MS: '10000' } });
(async () => {
  const stamp = Date.now();
  const old = await start(otherDist, `cmpold${stamp}`);
  const now = await start(join(__dirname, '..', 'dist'), `cmpnew${stamp}`);
  const scenarios = process.argv[5] ? process.argv[5].split(',') : ['postkass*', 'po*', 'sjelden*', 'postkasse', '"postkassen"', 'sjeldenord7'];
  const pct = (a, p) => a[Math.min(a.length - 1, Math.ceil((p / 100) * a.length) - 1)];
  const rows = [];
  for (const q of scenarios) {
    const times = { old: [], new: [] };
    const items = { old: 0, new: 0 };
    for (let i = 0; i < N + 3; i += 1) {
      for (const [name, side] of i % 2 ? [['old', old], ['new', now]] : [['new', now], ['old', old]]) {
        const t0 = process.hrtime.bigint();
        const r = await fetch(`${side.url}/api/history?${new URLSearchParams({ q })}`, { headers: { cookie: side.cookie } });
        const body = await r.json();
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (r.status !== 200) throw new Error(`${name} ${q}: ${r.status} ${JSON.stringify(body)}`);
        if (i >= 3) { times[name].push(ms); items[name] += body.items.length; }
      }
    }
    for (const k of ['old', 'new']) times[k].sort((a, b) => a - b);
    const r1 = (x) => Math.round(x * 10) / 10;
    rows.push({ q, 'before p50': r1(pct(times.old, 50)), 'before p95': r1(pct(times.old, 95)), 'after p50': r1(pct(times.new, 50)), 'after p95': r1(pct(times.new, 95)), 'p50 ratio after/before': Math.round((pct(times.new, 50) / pct(times.old, 50)) * 1000) / 1000, 'items before': items.old / N, 'items after': items.new / N });
  }
  console.table(rows);
  await old.app.close();
  await now.app.close();
})().catch((e) => { console.error(e); process.exit(1); });
