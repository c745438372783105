#!/usr/bin/env node
'use strict';

/**
 * Queue load: N citizens waiting in the desk's queue at once (the desk, `node dist/main.js`, runs
 * as a child process), then agents accept chats one after another. Reports server memory per
 * waiting citizen and how long after each accept every waiting citizen has its new position.
 * See bench/README.md.
 *
 *   npm run build && node bench/queue-load.js [--citizens 10000] [--accepts 20]
 */
const path = require('node:path');
const { mkdirSync, writeFileSync } = require('node:fs');
const { parseArgs } = require('./lib/args');
const { deskEnvironment, startDesk, startRelay, profilePath, login, createAgents, buildInfo } = require('./lib/desk');
const { seedQueuedChats } = require('./lib/seed-queue');
const { sleep, readMemory } = require('./lib/server-process');
const { connect, ask, mapLimit, closeAll } = require('./lib/sockets');
const { summarize, fmtMs, fmtInt, fmtMiB, fmtPercent, table } = require('./lib/stats');
const { summariseProfile, formatSummary } = require('./lib/profile-summary');
const { analyseStalls, formatStall } = require('./lib/profile-stalls');
const { compare: compareHeaps } = require('./lib/heap-summary');
const { machineLine, metOrMissed } = require('./lib/report');

const DEFAULTS = {
  citizens: 10000, // citizens connected and waiting at once
  join: 'seeded', // seeded: chats written before the start, citizens connect with their token; live: chat:start
  accepts: 20, // chats accepted one after another
  agents: 2, // agent accounts taking turns to accept
  concurrency: 100, // citizens connecting and starting at a time
  updateTimeout: 15, // seconds to wait for every position after one accept
  quiet: 2, // seconds without any chat:queued that count as "settled"
  profile: false, // CPU-profile the desk while citizens join and while chats are accepted
  heapSnapshots: '', // directory: heap snapshots before and after the citizens connect, compared per citizen
  profileDir: '',
  relayBaseline: true, // also measure bare Socket.IO memory per socket with bench/relay-server.js
  json: '',
  keep: false,
};

const USAGE = `usage: node bench/queue-load.js [options]   (after npm run build)
  --citizens N       citizens waiting at once                  (${DEFAULTS.citizens})
  --join seeded|live seeded: the chats are written through the app's TicketWriter before the desk
                     starts and the citizens connect with their chat token (the reconnect path);
                     live: every citizen sends chat:start (O(N²) on the desk)  (${DEFAULTS.join})
  --accepts N        accepts, one after another                (${DEFAULTS.accepts})
  --agents N         agent accounts taking turns               (${DEFAULTS.agents})
  --concurrency N    citizens joining at a time                (${DEFAULTS.concurrency})
  --update-timeout S how long to wait for every new position   (${DEFAULTS.updateTimeout})
  --profile          CPU-profile the desk while citizens join and during the accepts
  --heap-snapshots DIR  heap snapshots before/after the citizens connect, growth per citizen by class
  --no-relay-baseline   skip the bare Socket.IO memory baseline (bench/relay-server.js)
  --profile-dir DIR, --json FILE, --keep
Environment: DATABASE_URL and REDIS_URL are passed to the desk (default: SQLite in a fresh temporary directory).`;

async function main() {
  const options = parseArgs(process.argv.slice(2), DEFAULTS);
  if (options.help) return console.log(USAGE);
  console.log(`queue-load · ${machineLine()}`);
  console.log(`command: node bench/queue-load.js ${process.argv.slice(2).join(' ')}`.trim());
  const result = await runDesk(options);
  if (options.relayBaseline) result.relay = await relayBaseline(options);
  console.log(`\n${formatReport(result, options)}`);
  if (result.heapGrowth) console.log(`\n${result.heapGrowth}\n(writing heap snapshots inflates the server's RSS: take RSS figures from a run without --heap-snapshots)`);
  if (options.json) writeFileSync(options.json, JSON.stringify(result, null, 2));
}

/** Everything against the desk; its sockets are closed and the server stopped before returning. */
async function runDesk(options) {
  const environment = deskEnvironment({ keep: options.keep });
  const seeded = options.join === 'seeded' ? await seed(environment, options) : null;
  const build = buildInfo();
  console.log(`desk build: dist/ built ${build.builtAt}, hash ${build.hash}`);
  const desk = await startDesk({ environment });
  console.log(`desk: pid ${desk.pid} on ${desk.url} (${desk.database}${desk.redis ? ' + Redis' : ''}, ${desk.dataDir})`);
  const citizens = [];
  let agents = [];
  try {
    agents = await prepareAgents(desk, options);
    const peakReset = desk.sampler.resetPeak(); // VmHWM from here on excludes argon2id at start-up
    const before = await settledMemory(desk);
    const snapshotBefore = await heapSnapshot(desk, options, 'before');
    console.log(`before the citizens: RSS ${fmtMiB(before.rssKb)} MiB, heap used ${fmtMiB(before.heapUsedKb)} MiB`);
    const join = () => (seeded ? reconnectQueue(desk, options, seeded.chats, citizens) : joinQueue(desk, options, citizens));
    const ramp = await withProfile(desk, options, 'join', join);
    await waitForQuiet(desk, citizens, options.quiet);
    const connected = await settledMemory(desk);
    const snapshotAfter = await heapSnapshot(desk, options, 'connected');
    console.log(`${citizens.length} citizens connected: RSS ${fmtMiB(connected.rssKb)} MiB, heap used ${fmtMiB(connected.heapUsedKb)} MiB`);
    // Agents become available: the desk pushes every waiting citizen its position (and estimate).
    const pushStarted = performance.now();
    await Promise.all(agents.map((agent) => ask(agent, 'agent:status', { status: 'available' })));
    const quietAfterAvailable = await waitForQuiet(desk, citizens, options.quiet);
    const after = await settledMemory(desk);
    const positions = checkPositions(citizens);
    console.log(`agents available, positions pushed (settled ${((performance.now() - pushStarted) / 1000).toFixed(1)} s): RSS ${fmtMiB(after.rssKb)} MiB, heap used ${fmtMiB(after.heapUsedKb)} MiB; positions ${positions.consistent ? 'consistent' : 'NOT consistent'}`);
    const acceptMark = desk.sampler.mark();
    const acceptsFrom = performance.timeOrigin + performance.now();
    await desk.request('loopDelayReset');
    const accepts = await withProfile(desk, options, 'accepts', () => acceptInTurn(agents, citizens, options));
    const acceptsTo = performance.timeOrigin + performance.now();
    const loopStalls = await desk.request('loopStalls', { from: acceptsFrom, to: acceptsTo });
    const loopDelay = await desk.request('loopDelay');
    const longStalls = await desk.request('longStalls', { from: acceptsFrom, to: acceptsTo, min: 50 });
    const acceptUsage = { ...desk.sampler.since(acceptMark), loopStalls, loopDelay, longStalls };
    const result = { machine: machineLine(), build, buildAtEnd: buildInfo(), options, seeded: seeded && { seconds: seeded.seconds }, before, connected, after, ramp, quietAfterAvailable, positions, accepts, acceptUsage, hwmKb: readMemory(desk.pid).hwmKb, peakReset };
    if (snapshotBefore) result.heapGrowth = compareHeaps(snapshotBefore, snapshotAfter, { per: citizens.length });
    return result;
  } finally {
    closeAll(citizens.map((c) => c.socket));
    closeAll(agents);
    await desk.stop();
  }
}

/** Agent accounts and sockets, connected but away (away agents get no queue:updated while citizens join). */
async function prepareAgents(desk, options) {
  const admin = await login(desk.url, desk.admin.username, desk.admin.password);
  const sessions = await createAgents(desk.url, admin, options.agents);
  return Promise.all(sessions.map((session) => connect(desk.url, '/agent', { headers: { cookie: session.cookie } })));
}

/** RSS from /proc and heap used after a full GC (through bench/lib/server-preload.js), in kB. */
async function settledMemory(desk) {
  await desk.request('memory', { gc: true });
  await sleep(1000);
  const heap = await desk.request('memory', { gc: true });
  const { rssKb } = readMemory(desk.pid);
  return { rssKb, heapUsedKb: heap.heapUsed / 1024, externalKb: heap.external / 1024, arrayBuffersKb: heap.arrayBuffers / 1024 };
}

/** Bare Socket.IO: the same number of idle /citizen sockets on bench/relay-server.js, memory per socket. */
async function relayBaseline(options) {
  const relay = await startRelay();
  let sockets = [];
  try {
    const before = await settledMemory(relay);
    sockets = await mapLimit(Array.from({ length: options.citizens }), options.concurrency, () => connect(relay.url, '/citizen', { timeoutMs: 120_000 }));
    const after = await settledMemory(relay);
    const n = sockets.length;
    return { sockets: n, rssPerSocketKb: (after.rssKb - before.rssKb) / n, heapPerSocketKb: (after.heapUsedKb - before.heapUsedKb) / n };
  } finally {
    closeAll(sockets);
    await relay.stop();
  }
}

async function heapSnapshot(desk, options, name) {
  if (!options.heapSnapshots) return null;
  mkdirSync(options.heapSnapshots, { recursive: true });
  const { file } = await desk.request('heapSnapshot', { file: path.join(options.heapSnapshots, `desk-${name}.heapsnapshot`) }, 300_000);
  return file;
}

async function withProfile(desk, options, name, work) {
  if (!options.profile) return work();
  const file = profilePath(options, `queue-${name}`);
  await desk.request('profileStart');
  const result = await work();
  await desk.request('profileStop', { file });
  return { ...result, profileFile: file };
}

// ---------------------------------------------------------------- citizens joining

async function seed(environment, options) {
  const started = performance.now();
  const chats = await seedQueuedChats(environment.env, options.citizens);
  const seconds = (performance.now() - started) / 1000;
  console.log(`seeded ${chats.length} queued chats through TicketWriter in ${seconds.toFixed(1)} s`);
  return { chats, seconds };
}

/** Seeded chats: every citizen connects with its chat token, `concurrency` at a time. */
async function reconnectQueue(desk, options, chats, citizens) {
  const mark = desk.sampler.mark();
  const connectTimes = new Array(chats.length);
  const started = performance.now();
  await mapLimit(chats, options.concurrency, async ({ token, chatId }, index) => {
    const citizen = newCitizen(index);
    citizen.chatId = chatId;
    const sentAt = performance.now();
    citizen.socket = await connect(desk.url, '/citizen', { auth: { token }, timeoutMs: 120_000 });
    citizen.socket.on('chat:queued', ({ position }) => onQueued(citizen, position));
    connectTimes[index] = performance.now() - sentAt;
    citizens.push(citizen);
    progress(desk, citizens.length, started);
  });
  return { seconds: (performance.now() - started) / 1000, usage: desk.sampler.since(mark), connect: summarize(connectTimes) };
}

function progress(desk, done, started) {
  if (done % 2000 === 0) console.log(`  ${done} citizens waiting after ${((performance.now() - started) / 1000).toFixed(1)} s (RSS ${fmtMiB(readMemory(desk.pid).rssKb)} MiB)`);
}

function newCitizen(index) {
  return { index, socket: null, chatId: null, position: null, lastQueuedAt: 0, expect: null, updatedAt: null, onUpdate: null };
}

/** Connects the citizens and starts their chats, `concurrency` at a time; times every start. */
async function joinQueue(desk, options, citizens) {
  const mark = desk.sampler.mark();
  const startAcks = new Array(options.citizens);
  const started = performance.now();
  let done = 0;
  await mapLimit(Array.from({ length: options.citizens }, (_, i) => i), options.concurrency, async (index) => {
    const citizen = await joinOne(desk.url, index);
    citizens.push(citizen);
    startAcks[index] = citizen.startMs;
    progress(desk, (done += 1), started);
  });
  const seconds = (performance.now() - started) / 1000;
  const tenth = Math.max(1, Math.floor(options.citizens / 10));
  return {
    seconds,
    usage: desk.sampler.since(mark),
    startAck: summarize(startAcks),
    startAckFirstTenth: summarize(startAcks.slice(0, tenth)),
    startAckLastTenth: summarize(startAcks.slice(-tenth)),
  };
}

async function joinOne(url, index) {
  const socket = await connect(url, '/citizen', { timeoutMs: 120_000 });
  const citizen = { ...newCitizen(index), socket };
  socket.on('chat:queued', ({ position }) => onQueued(citizen, position));
  const sentAt = performance.now();
  const ack = await ask(socket, 'chat:start', { topic: 'digital-mailbox', message: `Venter i kø ${index}: finner ikke brevet i postkassen.`, language: 'nb' }, 120_000);
  citizen.startMs = performance.now() - sentAt;
  citizen.chatId = ack.chat.id;
  if (citizen.position === null) citizen.position = ack.position;
  return citizen;
}

function onQueued(citizen, position) {
  citizen.position = position;
  citizen.lastQueuedAt = performance.now();
  if (citizen.expect !== null && position === citizen.expect && citizen.updatedAt === null) {
    citizen.updatedAt = citizen.lastQueuedAt;
    citizen.onUpdate?.();
  }
}

/** Waits until no citizen has received chat:queued for `seconds` and the server is idle. */
async function waitForQuiet(desk, citizens, seconds) {
  const started = performance.now();
  for (;;) {
    const last = citizens.reduce((max, c) => Math.max(max, c.lastQueuedAt), 0);
    if (performance.now() - last >= seconds * 1000) break;
    await sleep(200);
  }
  await desk.waitUntilIdle({ quietMs: 500 });
  return (performance.now() - started) / 1000;
}

/** After the pushes settle, the citizens' last positions must be exactly 1..N. */
function checkPositions(citizens) {
  const seen = new Set(citizens.map((c) => c.position));
  const consistent = seen.size === citizens.length && citizens.every((c) => c.position >= 1 && c.position <= citizens.length);
  return { consistent, distinct: seen.size };
}

// ---------------------------------------------------------------- accepts

/**
 * Agents take the chat at position 1, one accept after another. For each: the accept's ack time,
 * and for every citizen still waiting the time from sending the accept to receiving chat:queued
 * with its new position (old - 1).
 */
async function acceptInTurn(agents, citizens, options) {
  const waiting = new Set(citizens);
  const perAccept = [];
  const perCitizen = [];
  for (let k = 0; k < options.accepts && waiting.size > 0; k += 1) {
    const first = [...waiting].find((c) => c.position === 1);
    if (!first) throw new Error('no citizen at position 1');
    waiting.delete(first);
    const outcome = await acceptOne(agents[k % agents.length], first, waiting, options.updateTimeout * 1000);
    perAccept.push(outcome);
    perCitizen.push(...outcome.latencies);
    delete outcome.latencies;
    console.log(`  accept ${k + 1}: ack ${fmtMs(outcome.ackMs)} ms, all ${outcome.waiting} positions after ${fmtMs(outcome.lastMs)} ms${outcome.missing ? `, ${outcome.missing} MISSING` : ''}`);
    await sleep(200);
  }
  return {
    count: perAccept.length,
    perAccept,
    ack: summarize(perAccept.map((a) => a.ackMs)),
    last: summarize(perAccept.map((a) => a.lastMs)),
    citizens: summarize(perCitizen),
    missing: perAccept.reduce((sum, a) => sum + a.missing, 0),
  };
}

async function acceptOne(agent, first, waiting, timeoutMs) {
  let remaining = waiting.size;
  let allUpdated;
  const everyone = new Promise((resolve) => (allUpdated = resolve));
  for (const citizen of waiting) {
    citizen.expect = citizen.position - 1;
    citizen.updatedAt = null;
    citizen.onUpdate = () => (remaining -= 1) === 0 && allUpdated();
  }
  if (remaining === 0) allUpdated();
  const sentAt = performance.now();
  await ask(agent, 'chat:accept', { chatId: first.chatId }, timeoutMs);
  const ackMs = performance.now() - sentAt;
  await Promise.race([everyone, sleep(timeoutMs)]);
  const latencies = [];
  for (const citizen of waiting) {
    if (citizen.updatedAt !== null) latencies.push(citizen.updatedAt - sentAt);
    citizen.expect = null;
    citizen.onUpdate = null;
  }
  return { ackMs, waiting: waiting.size, lastMs: latencies.length === waiting.size ? Math.max(0, ...latencies) : Infinity, missing: waiting.size - latencies.length, latencies };
}

// ---------------------------------------------------------------- report

/** "53 ms (40 waiting for a CPU)": how much of a stall the main thread was not given a CPU. */
const stallWithCpuWait = (stall) => `${stall.ms.toFixed(0)} ms${Number.isFinite(stall.cpuWaitMs) ? ` (${stall.cpuWaitMs.toFixed(0)} waiting for a CPU)` : ''}`;

function formatReport(result, options) {
  const { before, connected, after, ramp, accepts, acceptUsage } = result;
  const n = options.citizens;
  const perCitizen = (field, state) => ((state[field] - before[field]) / n).toFixed(1);
  const memory = table([
    ['server memory', 'before', `${fmtInt(n)} connected`, 'per citizen KB', 'with positions pushed', 'per citizen KB'],
    ...[
      ['RSS (VmRSS) MiB', 'rssKb'],
      ['V8 heap used after GC MiB', 'heapUsedKb'],
      ['external (buffers) MiB', 'externalKb'],
    ].map(([label, field]) => [label, fmtMiB(before[field]), fmtMiB(connected[field]), perCitizen(field, connected), fmtMiB(after[field]), perCitizen(field, after)]),
  ]);
  const rssPerCitizen = Math.max(after.rssKb, connected.rssKb) - before.rssKb;
  const heapPerCitizen = Math.max(after.heapUsedKb, connected.heapUsedKb) - before.heapUsedKb;
  const updates = table([
    [`after each accept (${accepts.count} accepts)`, 'p50 ms', 'p99 ms', 'max ms'],
    ['chat:accept ack', fmtMs(accepts.ack.p50), fmtMs(accepts.ack.p99), fmtMs(accepts.ack.max)],
    ['until the last citizen has its position', fmtMs(accepts.last.p50), fmtMs(accepts.last.p99), fmtMs(accepts.last.max)],
    [`per citizen (${fmtInt(accepts.citizens.count)} updates)`, fmtMs(accepts.citizens.p50), fmtMs(accepts.citizens.p99), fmtMs(accepts.citizens.max)],
  ]);
  const lines = [
    `Queue load — ${result.machine}`,
    `desk build: dist/ built ${result.build.builtAt}, hash ${result.build.hash}${result.buildAtEnd.hash === result.build.hash ? '' : ` (dist/ was rebuilt during the run, to ${result.buildAtEnd.hash}; the server had loaded its modules at start)`}`,
    joinLine(result, options),
    memory,
    `server peak RSS (VmHWM) ${result.peakReset ? 'after set-up' : 'over the whole run, argon2id at start-up included'}: ${fmtMiB(result.hwmKb)} MiB`,
    ...(result.relay ? [`baseline, bare Socket.IO (bench/relay-server.js), ${fmtInt(result.relay.sockets)} idle /citizen sockets: ${result.relay.rssPerSocketKb.toFixed(1)} KB RSS, ${result.relay.heapPerSocketKb.toFixed(1)} KB V8 heap per socket`] : []),
    updates,
    `during the accepts: server CPU ${acceptUsage.serverCpu.toFixed(2)}, bench CPU ${acceptUsage.benchCpu.toFixed(2)} cores, longest server event-loop stall ${fmtMs(acceptUsage.loopStalls.max)} ms, main thread waiting for a CPU ${fmtPercent(acceptUsage.loopStalls.cpuWaitShare)} of the time (perf_hooks event-loop delay: max ${fmtMs(acceptUsage.loopDelay.max)} ms, p99 ${fmtMs(acceptUsage.loopDelay.p99)} ms), load average max ${acceptUsage.loadMax.toFixed(2)}; missing updates ${accepts.missing}`,
    'Targets (2 cores, SQLite, one instance):',
    `  ${metOrMissed(rssPerCitizen / n <= 50)} ≤ 50 KB server memory per waiting citizen: ${(rssPerCitizen / n).toFixed(1)} KB RSS (${(heapPerCitizen / n).toFixed(1)} KB V8 heap)${n >= 10000 ? '' : '  [fewer citizens than the target size]'}`,
    `  ${metOrMissed(acceptUsage.loopDelay.max <= 50)} no event-loop stall over 50 ms while positions are pushed: perf_hooks max ${fmtMs(acceptUsage.loopDelay.max)} ms, p99 ${fmtMs(acceptUsage.loopDelay.p99)} ms`,
    `  ${metOrMissed(accepts.last.p99 <= 1000 && accepts.missing === 0)} every position updated within 1 s (p99) after an accept: p99 over accepts ${fmtMs(accepts.last.p99)} ms, over citizens ${fmtMs(accepts.citizens.p99)} ms, ${accepts.missing} missing`,
  ];
  for (const file of [ramp.profileFile, accepts.profileFile].filter(Boolean)) lines.push(formatSummary(summariseProfile(file)));
  if (accepts.profileFile && acceptUsage.longStalls.length > 0) {
    lines.push(`Stalls of 50 ms or more during the accepts, from the profile's samples inside each:\n\n${analyseStalls(accepts.profileFile, acceptUsage.longStalls).map(formatStall).join('\n\n')}`);
  } else lines.push(`stalls of 50 ms or more during the accepts (10 ms timer): ${acceptUsage.longStalls.map(stallWithCpuWait).join(', ') || 'none'}`);
  return lines.join('\n\n');
}

function joinLine(result, options) {
  const { ramp } = result;
  const cpu = `server CPU ${ramp.usage.serverCpu.toFixed(2)}, bench CPU ${ramp.usage.benchCpu.toFixed(2)} cores`;
  const positions = `after the agents became available the desk pushed every position in ${result.quietAfterAvailable.toFixed(1)} s; final positions ${result.positions.consistent ? 'are exactly 1..N' : 'are NOT 1..N'}`;
  if (options.join === 'seeded') {
    return `${fmtInt(options.citizens)} chats seeded through TicketWriter in ${result.seeded.seconds.toFixed(1)} s; citizens connected with their tokens in ${ramp.seconds.toFixed(1)} s, ${options.concurrency} at a time (connect p50 ${fmtMs(ramp.connect.p50)} / p99 ${fmtMs(ramp.connect.p99)} ms; ${cpu}); ${positions}`;
  }
  const join = table([
    ['chat:start ack', 'p50 ms', 'p99 ms', 'max ms'],
    ...[['all', ramp.startAck], ['first 10 %', ramp.startAckFirstTenth], ['last 10 %', ramp.startAckLastTenth]].map(([label, s]) => [label, fmtMs(s.p50), fmtMs(s.p99), fmtMs(s.max)]),
  ]);
  return `${fmtInt(options.citizens)} citizens joined live (chat:start) in ${ramp.seconds.toFixed(1)} s, ${options.concurrency} at a time (${cpu}); ${positions}\n\n${join}`;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
