#!/usr/bin/env node
'use strict';

/**
 * What counting chat messages in Redis costs the desk's process in CPU: 1,000 counts a second over
 * 1,000 chats, each way in turn in one process, against a memory-only count as the baseline:
 * rate-limiter-flexible's script call per message (the desk before cd9f956), a plain INCR per message,
 * and the desk's way now (src/scaling/redis-window-counts.ts from dist/: every chat's increments in
 * one pipeline every 50 ms). Prints the process's CPU in cores for each, median of the rounds.
 *
 *   npm run build && REDIS_URL=redis://127.0.0.1:6379 node bench/shared-count-cost.js [--seconds 10] [--rounds 3]
 */
const path = require('node:path');
const { parseArgs } = require('node:util');
const { Redis } = require('ioredis');
const { RateLimiterMemory, RateLimiterRedis } = require('rate-limiter-flexible');
const { RedisWindowCounts } = require(path.join(__dirname, '..', 'dist', 'scaling', 'redis-window-counts'));

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, rounds: { type: 'string', default: '3' } } });
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const CHATS = 1000;
const SHARE_EVERY_MS = 50;
if (!process.env.REDIS_URL) throw new Error('Set REDIS_URL');
const client = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 3, enableAutoPipelining: true });
const prefix = `bench-count:${process.pid}`;

const ways = {
  'memory only (baseline)': () => {
    const limiter = new RateLimiterMemory({ keyPrefix: 'm', points: 1e9, duration: 60 });
    return { count: (key) => limiter.consume(key).catch(() => undefined) };
  },
  'script call per message (RateLimiterRedis)': () => {
    const limiter = new RateLimiterRedis({ storeClient: client, keyPrefix: `${prefix}:rl`, points: 1e9, duration: 60 });
    return { count: (key) => limiter.consume(key).catch(() => undefined) };
  },
  'INCR per message': () => ({ count: (key) => client.incr(`${prefix}:incr:${key}`).catch(() => undefined) }),
  'one pipeline every 50 ms (the desk)': () => {
    const counts = new RedisWindowCounts(client, `${prefix}:batch`, 60_000);
    let pending = new Map();
    const timer = setInterval(() => {
      if (pending.size === 0) return;
      const sending = pending;
      pending = new Map();
      counts.add(sending).catch(() => undefined);
    }, SHARE_EVERY_MS);
    return { count: (key) => pending.set(key, (pending.get(key) ?? 0) + 1), stop: () => clearInterval(timer) };
  },
};

// One count a millisecond, as 1,000 chats at one message a second each give.
function run(make) {
  return new Promise((resolve) => {
    const way = make();
    let n = 0;
    const started = process.cpuUsage();
    const startedAt = process.hrtime.bigint();
    const ticker = setInterval(() => way.count(`chat-${n++ % CHATS}`), 1);
    setTimeout(() => {
      clearInterval(ticker);
      way.stop?.();
      const cpu = process.cpuUsage(started);
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      resolve({ cores: (cpu.user + cpu.system) / 1e6 / seconds, perSecond: n / seconds });
    }, SECONDS * 1000);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  await client.ping();
  const results = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, make] of Object.entries(ways)) results[name].push(await run(make));
  }
  const base = median(results['memory only (baseline)'].map((r) => r.cores));
  console.log(`${ROUNDS} rounds of ${SECONDS} s, ~1,000 counts a second over ${CHATS} chats, Node ${process.version}`);
  for (const [name, runs] of Object.entries(results)) {
    const cores = median(runs.map((r) => r.cores));
    const extra = ((cores - base) / median(runs.map((r) => r.perSecond))) * 1e6;
    console.log(`${name.padEnd(45)} ${cores.toFixed(3)} cores (runs ${runs.map((r) => r.cores.toFixed(3)).join(', ')}), ${extra.toFixed(0)} µs a count over the baseline`);
  }
  const keys = await client.keys(`${prefix}:*`);
  if (keys.length > 0) await client.del(...keys);
  await client.quit();
})();
