#!/usr/bin/env node
'use strict';

/**
 * Summarises a V8 .cpuprofile: the top functions by self time (with file:line, and the TypeScript
 * line when the file has a source map beside it), and self time grouped by package or source folder.
 *
 *   node bench/lib/profile-summary.js <file.cpuprofile> [--top 25]
 */
const { readFileSync, existsSync } = require('node:fs');
const { fileURLToPath } = require('node:url');
const path = require('node:path');
const { SourceMap } = require('node:module');

const ROOT = path.join(__dirname, '..', '..');

/** Self milliseconds per profile node, from the samples and their time deltas. */
function selfTimes(profile) {
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i += 1) {
    // timeDeltas[i] is the time before sample i; it is charged to the sample that was running.
    const delta = (timeDeltas[i + 1] ?? 0) / 1000;
    self.set(samples[i], (self.get(samples[i]) || 0) + delta);
  }
  return self;
}

function shortPath(url) {
  if (!url) return '';
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const modules = file.lastIndexOf('node_modules/');
  if (modules >= 0) return file.slice(modules);
  return file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
}

/** node_modules/<package>, dist/<folder>, node:internal, or the V8 pseudo-frames. */
function groupOf(callFrame) {
  const file = shortPath(callFrame.url);
  if (!file) return callFrame.functionName || '(native)';
  const pkg = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  const dist = file.match(/^dist\/([^/]+)\//);
  if (dist) return `src/${dist[1]}`;
  if (file.startsWith('node:')) return 'node core';
  return file;
}

const sourceMaps = new Map();

/** The TypeScript file:line of a compiled dist/ position, when a .map sits beside it. */
function originalPosition(url, line, column) {
  if (!url || !url.includes('/dist/')) return '';
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (!sourceMaps.has(file)) {
    const mapFile = `${file}.map`;
    sourceMaps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : null);
  }
  const map = sourceMaps.get(file);
  const entry = map?.findEntry(line, column);
  if (!entry || !entry.originalSource) return '';
  const source = path.resolve(path.dirname(file), entry.originalSource);
  return `${path.relative(ROOT, source)}:${entry.originalLine + 1}`;
}

function summariseProfile(file, { top = 25 } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const self = selfTimes(profile);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byGroup = new Map();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) || 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName}|${url}|${lineNumber}`;
    const row = byFunction.get(key) || { name: functionName || '(anonymous)', url, line: lineNumber, column: columnNumber, ms: 0 };
    row.ms += ms;
    byFunction.set(key, row);
    const group = groupOf(node.callFrame);
    byGroup.set(group, (byGroup.get(group) || 0) + ms);
  }
  const functions = [...byFunction.values()].sort((a, b) => b.ms - a.ms).slice(0, top);
  const groups = [...byGroup.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  return { file, totalMs: total, functions, groups, application: applicationTotals(profile, self).slice(0, 15) };
}

/**
 * Total (inclusive) time of the application's own functions (files under dist/): everything that
 * ran beneath them, libraries and the database driver included. Each sample counts once per function.
 */
function applicationTotals(profile, self) {
  const parentOf = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children || []) parentOf.set(child, node.id);
  const totals = new Map();
  for (const [id, ms] of self) {
    const seen = new Set();
    for (let current = id; current !== undefined; current = parentOf.get(current)) {
      const { functionName, url, lineNumber, columnNumber } = byId.get(current).callFrame;
      if (!url.includes('/dist/') || url.includes('node_modules')) continue;
      const key = `${functionName}|${url}|${lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const row = totals.get(key) || { name: functionName || '(anonymous)', url, line: lineNumber, column: columnNumber, ms: 0 };
      row.ms += ms;
      totals.set(key, row);
    }
  }
  return [...totals.values()].sort((a, b) => b.ms - a.ms);
}

function formatSummary({ file, totalMs, functions, groups, application }) {
  const pct = (ms) => `${((100 * ms) / totalMs).toFixed(1).padStart(5)} %`;
  const lines = [`Profile ${path.relative(process.cwd(), file)}: ${(totalMs / 1000).toFixed(1)} s sampled`, '', `Top ${functions.length} functions by self time:`];
  const row = (f, i) => {
    const where = f.url ? `${shortPath(f.url)}:${f.line + 1}` : '';
    const ts = originalPosition(f.url, f.line, f.column);
    return `${String(i + 1).padStart(3)}. ${f.ms.toFixed(0).padStart(7)} ms ${pct(f.ms)}  ${f.name}  ${where}${ts ? `  (${ts})` : ''}`;
  };
  functions.forEach((f, i) => lines.push(row(f, i)));
  lines.push('', 'Self time by package / source folder:');
  for (const [group, ms] of groups) lines.push(`   ${ms.toFixed(0).padStart(7)} ms ${pct(ms)}  ${group}`);
  lines.push('', 'Application functions (dist/) by total time, callees included:');
  application.forEach((f, i) => lines.push(row(f, i)));
  return lines.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const topIndex = args.indexOf('--top');
  if (!file) {
    console.error('usage: node bench/lib/profile-summary.js <file.cpuprofile> [--top 25]');
    process.exit(2);
  }
  console.log(formatSummary(summariseProfile(file, { top: topIndex >= 0 ? Number(args[topIndex + 1]) : 25 })));
}

module.exports = { summariseProfile, formatSummary, groupOf, shortPath, originalPosition };
