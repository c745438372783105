#!/usr/bin/env node
'use strict';

/**
 * Sums a server's `node --trace-gc-nvp` output (one line per collection) in 5-second buckets, for
 * its main thread (the isolate with the most collections; worker threads have isolates of their
 * own): scavenges and their pauses, bytes promoted to the old generation and copied within the
 * young one, and mark-compacts. What survives a scavenge is what costs: a scavenge copies the
 * live young objects, so its pause grows with them, not with the garbage.
 *
 *   DESK_NODE_ARGS=--trace-gc-nvp node bench/chat-load.js --target desk --mode peak --keep
 *   node bench/lib/gc-trace-summary.js /tmp/desk-bench-…/desk.log [--bucket 5]
 */
const { readFileSync } = require('node:fs');
const { parseArgs } = require('./args');

/** One collection per line: `[pid:isolate]  <ms> ms: pause=… gc=s … promoted=… …`. */
const LINE = /^\[\d+:(0x[0-9a-f]+)\]\s+(\d+) ms: (.* gc=.*)$/;

function summarise(text, bucketSeconds = 5) {
  const collections = [];
  const perIsolate = new Map();
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const [, isolate, at, rest] = match;
    collections.push({ isolate, at: Number(at), field: Object.fromEntries([...rest.matchAll(/([\w.]+)=([^\s%]+)/g)].map((m) => [m[1], m[2]])) });
    perIsolate.set(isolate, (perIsolate.get(isolate) ?? 0) + 1);
  }
  const main = [...perIsolate.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const buckets = new Map();
  for (const { isolate, at, field } of collections) {
    if (isolate !== main) continue;
    const start = Math.floor(at / 1000 / bucketSeconds) * bucketSeconds;
    if (!buckets.has(start)) buckets.set(start, { start, scavenges: 0, scavengeMs: 0, promoted: 0, copied: 0, markCompacts: 0, markCompactMs: 0 });
    const bucket = buckets.get(start);
    if (field.gc === 's') {
      bucket.scavenges += 1;
      bucket.scavengeMs += Number(field.pause);
      bucket.promoted += Number(field.promoted);
      bucket.copied += Number(field.new_space_survived);
    } else {
      bucket.markCompacts += 1;
      bucket.markCompactMs += Number(field.pause);
    }
  }
  return [...buckets.values()].sort((a, b) => a.start - b.start);
}

function main() {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) throw new Error('usage: node bench/lib/gc-trace-summary.js SERVER_LOG [--bucket SECONDS]');
  const { bucket } = parseArgs(rest, { bucket: 5 });
  const mb = (bytes) => (bytes / 1e6).toFixed(1).padStart(7);
  console.log('from s  scavenges  pause ms  promoted MB  copied MB  mark-compacts  pause ms');
  for (const b of summarise(readFileSync(file, 'utf8'), bucket)) {
    console.log(
      `${String(b.start).padStart(6)}  ${String(b.scavenges).padStart(9)}  ${b.scavengeMs.toFixed(0).padStart(8)}  ${mb(b.promoted)}      ${mb(b.copied)}    ${String(b.markCompacts).padStart(11)}  ${b.markCompactMs.toFixed(0).padStart(8)}`,
    );
  }
}

if (require.main === module) main();

module.exports = { summarise };
