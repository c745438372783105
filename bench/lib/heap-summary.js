#!/usr/bin/env node
'use strict';

/**
 * Compares two V8 heap snapshots (.heapsnapshot): self size and count per constructor (object
 * class), largest growth first. Tells what a server keeps per connection.
 *
 *   node bench/lib/heap-summary.js before.heapsnapshot after.heapsnapshot [--per N] [--top 30]
 */
const { readFileSync } = require('node:fs');

/** Self size and count per "type:name" (e.g. object:Socket, closure:onclose, string). */
function aggregate(file) {
  const { snapshot, nodes, strings } = JSON.parse(readFileSync(file, 'utf8'));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const groups = new Map();
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]];
    const name = type === 'object' || type === 'closure' || type === 'native' ? strings[nodes[i + nameAt]] : '';
    const key = name ? `${type}:${name}` : `(${type})`;
    const group = groups.get(key) || { size: 0, count: 0 };
    group.size += nodes[i + sizeAt];
    group.count += 1;
    groups.set(key, group);
  }
  return groups;
}

function compare(beforeFile, afterFile, { per = 1, top = 30 } = {}) {
  const before = aggregate(beforeFile);
  const after = aggregate(afterFile);
  const rows = [];
  let total = 0;
  for (const [key, a] of after) {
    const b = before.get(key) || { size: 0, count: 0 };
    const size = a.size - b.size;
    total += size;
    rows.push({ key, size, count: a.count - b.count });
  }
  rows.sort((x, y) => y.size - x.size);
  const lines = [`Heap growth ${(total / 1024 / 1024).toFixed(1)} MiB in all, ${(total / per / 1024).toFixed(1)} KB per unit (${per} units)`];
  lines.push('   KB/unit  objects/unit  type:constructor');
  for (const row of rows.slice(0, top)) {
    lines.push(`${(row.size / per / 1024).toFixed(2).padStart(10)}  ${(row.count / per).toFixed(1).padStart(12)}  ${row.key.slice(0, 90)}`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
  if (files.length !== 2) {
    console.error('usage: node bench/lib/heap-summary.js before.heapsnapshot after.heapsnapshot [--per N] [--top 30]');
    process.exit(2);
  }
  console.log(compare(files[0], files[1], { per: option('per', 1), top: option('top', 30) }));
}

module.exports = { compare };
