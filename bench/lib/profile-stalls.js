#!/usr/bin/env node
'use strict';

/**
 * What one event-loop stall was made of: the CPU profile's samples inside each stall window (from
 * bench/lib/server-preload.js `longStalls`, whose end times share the profile's monotonic clock),
 * by application function (inclusive), by the function on top of the stack (self) and by group.
 *
 *   node bench/lib/profile-stalls.js <file.cpuprofile> <stalls.json>
 */
const { readFileSync } = require('node:fs');
const { groupOf, shortPath, originalPosition } = require('./profile-summary');

const TICK_MS = 10; // the preload's interval: a stall began up to one tick before its measured length

function samplesBetween(profile, fromUs, toUs) {
  const picked = [];
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    time += profile.timeDeltas[i];
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (time >= fromUs && time <= toUs) picked.push({ id: profile.samples[i], ms });
  }
  return picked;
}

function label({ functionName, url, lineNumber, columnNumber }) {
  const where = url ? `${shortPath(url)}:${lineNumber + 1}` : '';
  const ts = originalPosition(url, lineNumber, columnNumber);
  return `${functionName || '(anonymous)'} ${ts || where}`.trim();
}

function analyseStall(profile, stall, { top = 8 } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parentOf.set(child, node.id);
  const toUs = stall.endMonotonicUs;
  const fromUs = toUs - (stall.ms + TICK_MS) * 1000;
  const selfRows = new Map();
  const groups = new Map();
  const inclusive = new Map();
  let sampled = 0;
  let longestSample = 0;
  for (const { id, ms } of samplesBetween(profile, fromUs, toUs)) {
    sampled += ms;
    longestSample = Math.max(longestSample, ms);
    const frame = byId.get(id).callFrame;
    const self = label(frame);
    selfRows.set(self, (selfRows.get(self) || 0) + ms);
    const group = groupOf(frame);
    groups.set(group, (groups.get(group) || 0) + ms);
    const seen = new Set();
    for (let current = id; current !== undefined; current = parentOf.get(current)) {
      const callFrame = byId.get(current).callFrame;
      if (!callFrame.url.includes('/dist/') || callFrame.url.includes('node_modules')) continue;
      const key = label(callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) || 0) + ms);
    }
  }
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { ms: stall.ms, cpuWaitMs: stall.cpuWaitMs, gc: stall.gc, sampled, longestSample, self: sorted(selfRows), groups: sorted(groups), application: sorted(inclusive) };
}

function formatStall(analysis, index) {
  const rows = (title, list) => [`  ${title}:`, ...list.map(([name, ms]) => `    ${ms.toFixed(0).padStart(5)} ms  ${name}`)];
  const gcMs = analysis.gc.reduce((sum, pause) => sum + pause.ms, 0);
  return [
    // Samples are 1 ms apart while the process runs: a long one, or few, mean the machine gave it no CPU.
    `Stall ${index + 1}: ${analysis.ms.toFixed(0)} ms (${Number.isFinite(analysis.cpuWaitMs) ? `waiting for a CPU ${analysis.cpuWaitMs.toFixed(0)} ms; ` : ''}${analysis.sampled.toFixed(0)} ms sampled, longest sample ${analysis.longestSample.toFixed(0)} ms; main-thread GC inside it ${gcMs.toFixed(0)} ms in ${analysis.gc.length} pauses${analysis.gc.length ? `, longest ${Math.max(...analysis.gc.map((p) => p.ms)).toFixed(0)} ms` : ''})`,
    ...rows('application functions (inclusive)', analysis.application),
    ...rows('on top of the stack (self)', analysis.self),
    ...rows('by group (self)', analysis.groups),
  ].join('\n');
}

function analyseStalls(profileFile, stalls) {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
  return stalls.map((stall) => analyseStall(profile, stall));
}

module.exports = { analyseStalls, formatStall };

if (require.main === module) {
  const [profileFile, stallsFile] = process.argv.slice(2);
  if (!profileFile || !stallsFile) {
    console.log('usage: node bench/lib/profile-stalls.js <file.cpuprofile> <stalls.json>');
    process.exit(1);
  }
  const analyses = analyseStalls(profileFile, JSON.parse(readFileSync(stallsFile, 'utf8')));
  console.log(analyses.map(formatStall).join('\n\n'));
}
