#!/usr/bin/env node
'use strict';

/**
 * Chat load: the desk (`node dist/main.js`, a child process) against a bare Socket.IO relay
 * (bench/relay-server.js, also a child process), driven from this process with socket.io-client.
 * See bench/README.md for what it measures and the last results.
 *
 *   npm run build && node bench/chat-load.js [--pairs 1000] [--rate 1] [--duration 30] [--mode fixed|peak|both]
 */
const { writeFileSync } = require('node:fs');
const { parseArgs } = require('./lib/args');
const { startDesk, startRelay, profilePath, login, staffRequest, createAgents, buildInfo } = require('./lib/desk');
const { sleep } = require('./lib/server-process');
const { connectAgents, openPairs, closePairs } = require('./lib/pairs');
const { LoadRecorder, runFixedRate, runClosedLoop } = require('./lib/load');
const { closeAll, mapLimit } = require('./lib/sockets');
const { fmtMs, fmtInt, fmtRatio, fmtPercent, fmtMiB, table } = require('./lib/stats');
const { summariseProfile, formatSummary } = require('./lib/profile-summary');
const { analyseStalls, formatStall } = require('./lib/profile-stalls');
const { machineLine, metOrMissed } = require('./lib/report');
const { startDeskGroup } = require('./lib/desk-group');
const { postgresSettings, formatSettings } = require('./lib/postgres-settings');

const DEFAULTS = {
  pairs: 1000, // chats, each a citizen socket and an agent side
  rate: 1, // fixed mode: messages per second per side
  duration: 30, // fixed mode: measured seconds after the warm-up
  warmup: 5,
  peakDuration: 20, // peak mode: measured seconds after the warm-up
  peakWarmup: 5,
  window: 1, // peak mode: outstanding messages per side
  citizenLimit: 55, // peak mode: most messages a citizen sends in any 60 s (the desk refuses > 60 a minute per chat); 0 = none
  mode: 'both', // fixed | peak | both
  target: 'both', // desk | relay | both
  chatsPerAgent: 10, // chats per agent account (one socket each)
  batch: 100, // chats started and accepted at a time while setting up
  ackTimeout: 10, // seconds before an unanswered message:send counts as a timeout
  drain: 15, // seconds to wait for outstanding acks and deliveries after the window
  verifyChats: 100, // desk: chats whose stored messages are compared with the acks
  profile: false, // desk: CPU profile of each measured phase, summarised at the end
  profileDir: '',
  alloc: false, // desk and relay: bytes the main thread allocates per acknowledged message, each measured phase
  json: '', // also write all figures to this file
  keep: false, // keep the desk's temporary directory (database and log)
  instances: 1, // desk processes on one PostgreSQL + Redis, clients spread over them
};

const USAGE = `usage: node bench/chat-load.js [options]   (after npm run build)
  --pairs N            chats (citizen + agent side) per phase      (${DEFAULTS.pairs})
  --rate R             fixed mode: messages/s per side             (${DEFAULTS.rate})
  --duration S         fixed mode: measured seconds                (${DEFAULTS.duration})
  --warmup S           fixed mode: warm-up seconds                 (${DEFAULTS.warmup})
  --peak-duration S    peak mode: measured seconds                 (${DEFAULTS.peakDuration})
  --peak-warmup S      peak mode: warm-up seconds                  (${DEFAULTS.peakWarmup})
  --window K           peak mode: outstanding messages per side    (${DEFAULTS.window})
  --citizen-limit N    peak mode: citizen messages per 60 s at most (${DEFAULTS.citizenLimit}; the desk allows 60/min per chat; 0 = none)
  --mode fixed|peak|both                                           (${DEFAULTS.mode})
  --target desk|relay|both                                         (${DEFAULTS.target})
  --chats-per-agent N  chats held by each agent account/socket     (${DEFAULTS.chatsPerAgent})
  --ack-timeout S, --drain S, --batch N, --verify-chats N
  --profile            CPU-profile the desk during each measured phase (summary printed)
  --profile-dir DIR    where the .cpuprofile and .heapprofile files go (default bench/profiles)
  --alloc              what the server's main thread allocates per acked message (desk and relay)
  --json FILE          write every figure as JSON
  --keep               keep the desk's temporary directory (database, server log)
  --instances N        N desk processes on DATABASE_URL (PostgreSQL) and REDIS_URL, clients spread over them (${DEFAULTS.instances})
Environment: DATABASE_URL and REDIS_URL are passed to the desk (default: SQLite in a fresh temporary directory).`;

async function main() {
  const options = parseArgs(process.argv.slice(2), DEFAULTS);
  if (options.help) return console.log(USAGE);
  // Peak first: an overloaded fixed-rate phase can leave the desk with a backlog and dropped sockets.
  const modes = options.mode === 'both' ? ['peak', 'fixed'] : [options.mode];
  const targets = options.target === 'both' ? ['desk', 'relay'] : [options.target];
  if (options.profile && options.alloc) throw new Error('--profile and --alloc each slow the server down in their own way: use one at a time');
  warnAboutCitizenLimit(options, modes);
  console.log(`chat-load · ${machineLine()}`);
  console.log(`command: node bench/chat-load.js ${process.argv.slice(2).join(' ')}`.trim());

  const results = { startedAt: new Date().toISOString(), options, machine: machineLine(), targets: {} };
  for (const kind of targets) {
    console.log(`\n== ${kind} ==`);
    results.targets[kind] = await runTarget(kind, modes, options);
  }
  results.finishedAt = new Date().toISOString();
  console.log(`\n${formatReport(results, modes, options)}`);
  if (options.json) writeFileSync(options.json, JSON.stringify(results, null, 2));
}

/** The desk lets a citizen send 60 messages a minute per chat (src/common/citizen-throttle.ts). */
function warnAboutCitizenLimit(options, modes) {
  const perChat = options.rate * (options.warmup + options.duration);
  if (modes.includes('fixed') && perChat > 60 && options.target !== 'relay') {
    console.warn(`warning: ${perChat} citizen messages per chat in the fixed phase; the desk refuses more than 60 a minute (RATE_LIMITED)`);
  }
}

async function runTarget(kind, modes, options) {
  const build = kind === 'desk' ? buildInfo() : undefined;
  if (build) console.log(`desk build: dist/ built ${build.builtAt}, hash ${build.hash}`);
  const server = kind !== 'desk' ? await startRelay() : options.instances > 1 ? await startDeskGroup(options.instances, { keep: options.keep }) : await startDesk({ keep: options.keep });
  const database = kind === 'desk' ? `${server.database}${server.redis ? ' + Redis' : ''}` : undefined;
  console.log(`${kind}: pid ${server.pid} on ${server.urls?.join(', ') ?? server.url}${database ? ` (${database}, ${server.dataDir})` : ''}`);
  const settings = kind === 'desk' && process.env.DATABASE_URL?.startsWith('postgres') ? await postgresSettings(process.env.DATABASE_URL) : undefined;
  if (settings) console.log(`PostgreSQL settings: ${formatSettings(settings)}`);
  let agents = [];
  try {
    const setupMark = server.sampler.mark();
    const target = await prepareTarget(kind, server, options);
    agents = await connectAgents(target, agentCount(options));
    const result = { build, pid: server.pid, database, postgresSettings: settings, agents: agents.length, setup: server.sampler.since(setupMark), phases: {} };
    result.peakReset = server.sampler.resetPeak(); // VmHWM from here on: the load phases, not argon2id at start-up
    console.log(`${kind}: ${agents.length} agent sockets ready in ${result.setup.seconds.toFixed(1)} s`);
    for (const [i, mode] of modes.entries()) {
      try {
        result.phases[mode] = await runPhase(kind, server, target, agents, mode, i * options.pairs, options);
      } catch (error) {
        console.error(`${kind}/${mode} failed: ${error.message}`);
        result.phases[mode] = { phaseError: error.message };
        await server.waitUntilIdle();
      }
    }
    result.hwmKb = server.sampler.since(setupMark).hwmKb;
    return result;
  } finally {
    closeAll(agents);
    await server.stop();
  }
}

function agentCount(options) {
  return Math.ceil(options.pairs / options.chatsPerAgent);
}

/** Desk: logs in as the first admin, creates the agent accounts and logs them in. */
async function prepareTarget(kind, server, options) {
  const target = { kind, url: server.url, urls: server.urls };
  if (kind !== 'desk') return target;
  target.admin = await login(server.url, server.admin.username, server.admin.password);
  const started = performance.now();
  target.agentSessions = await createAgents(server.url, target.admin, agentCount(options));
  console.log(`desk: ${target.agentSessions.length} agent accounts created and logged in in ${((performance.now() - started) / 1000).toFixed(1)} s (argon2id)`);
  return target;
}

/** Opens fresh chats, runs one load phase on them, drains, verifies, and closes the chats. */
async function runPhase(kind, server, target, agents, mode, firstIndex, options) {
  await reconnectAgents(target, agents);
  const opened = performance.now();
  const pairs = await openPairs(target, agents, options.pairs, { firstIndex, batchSize: options.batch });
  const openSeconds = (performance.now() - opened) / 1000;
  console.log(`${kind}/${mode}: ${pairs.length} chats started and accepted in ${openSeconds.toFixed(1)} s`);
  await sleep(1000); // the last queue pushes settle

  const recorder = new LoadRecorder(pairs, { ackTimeoutMs: options.ackTimeout * 1000 });
  const profiling = options.profile && kind === 'desk';
  const profileFile = profiling ? profilePath(options, `desk-${mode}`) : undefined;
  if (profiling) await server.request('profileStart');
  const allocFile = options.alloc ? profilePath(options, `${kind}-${mode}`, 'heapprofile') : undefined;
  if (allocFile) await server.request('allocStart');
  const driving = mode === 'fixed'
    ? runFixedRate(recorder, pairs, { rate: options.rate, warmupSeconds: options.warmup, durationSeconds: options.duration })
    : runClosedLoop(recorder, pairs, { window: options.window, warmupSeconds: options.peakWarmup, durationSeconds: options.peakDuration, citizenPerMinute: options.citizenLimit });
  const measured = await measureWindow(server, recorder, driving);
  if (profiling) await server.request('profileStop', { file: profileFile }); // covers warm-up and window
  // Several instances each write their own profile; the first one's is summarised.
  const summarised = profileFile && server.desks ? profileFile.replace(/(\.\w+)$/, '-instance1$1') : profileFile;
  // Also from the start of the warm-up: divided by every message acknowledged until now.
  const allocated = allocFile ? { ...(await server.request('allocStop', { file: allocFile })), acked: recorder.counts.ackedOk } : undefined;
  await recorder.drain(options.drain * 1000);
  recorder.detach();
  const phase = { ...recorder.result(), openSeconds, usage: measured.usage, sendLag: measured.driven?.lag, citizenSendsDeferred: measured.driven?.citizenSendsDeferred, profileFile: summarised, allocated };
  if (kind === 'desk') phase.stored = await verifyStored(target, pairs.slice(0, options.verifyChats));
  phase.closeFailures = await closePairs(pairs); // the next phase starts with no chats in progress
  phase.busyAfterSeconds = await server.waitUntilIdle(); // a backlog the server was still working off
  console.log(`${kind}/${mode}: ${fmtInt(phase.throughput)} acked msgs/s, e2e p99 ${fmtMs(phase.e2e.p99)} ms, ${phase.errors} errors, server CPU ${phase.usage.serverCpu.toFixed(2)}, bench CPU ${phase.usage.benchCpu.toFixed(2)}`);
  return phase;
}

/** Agent sockets dropped in an earlier phase (ping timeouts under overload) are opened again. */
async function reconnectAgents(target, agents) {
  const dropped = agents.map((socket, i) => (socket.connected ? -1 : i)).filter((i) => i >= 0);
  if (dropped.length === 0) return;
  const fresh = await connectAgents({ ...target, agentSessions: dropped.map((i) => target.agentSessions?.[i]) }, dropped.length);
  dropped.forEach((agentIndex, j) => (agents[agentIndex] = fresh[j]));
  console.log(`${target.kind}: ${dropped.length} dropped agent sockets reconnected`);
}

/** Server CPU, RSS, load and event-loop stalls over exactly the measured window (not the warm-up). */
async function measureWindow(server, recorder, driving) {
  let mark;
  const markTimer = setTimeout(() => (mark = server.sampler.mark()), Math.max(0, recorder.windowStart - performance.now()));
  const driven = await driving;
  clearTimeout(markTimer);
  const usage = server.sampler.since(mark ?? server.sampler.mark());
  const epoch = (t) => performance.timeOrigin + t;
  usage.loopStalls = await server.request('loopStalls', { from: epoch(recorder.windowStart), to: epoch(recorder.windowEnd) });
  usage.gc = await server.request('gcPauses', { from: epoch(recorder.windowStart), to: epoch(recorder.windowEnd) });
  usage.longStalls = await server.request('longStalls', { from: epoch(recorder.windowStart), to: epoch(recorder.windowEnd), min: 50 });
  return { driven, usage };
}

/** GET /api/tickets/:id for a sample of chats: stored messages with a clientId against the acks. */
async function verifyStored(target, pairs) {
  const counts = await mapLimit(pairs, 8, async (pair) => {
    const ticket = await staffRequest(target.url, target.admin, 'GET', `/api/tickets/${pair.chatId}`);
    return { stored: ticket.messages.filter((m) => m.clientId).length, acked: pair.acked };
  });
  return {
    chats: counts.length,
    stored: counts.reduce((sum, c) => sum + c.stored, 0),
    acked: counts.reduce((sum, c) => sum + c.acked, 0),
    chatsWithFewerStoredThanAcked: counts.filter((c) => c.stored < c.acked).length,
  };
}

// ---------------------------------------------------------------- report

function formatReport(results, modes, options) {
  const { desk, relay } = results.targets;
  const sections = [`Chat load — ${results.machine}`];
  if (desk) sections.push(`Desk build: dist/ built ${desk.build.builtAt}, hash ${desk.build.hash}`);
  const since = (t) => (t.peakReset ? 'after set-up' : 'whole run, set-up included');
  if (desk?.postgresSettings) sections.push(`Desk on ${desk.database}: ${formatSettings(desk.postgresSettings)}`);
  if (desk) sections.push(`Desk: ${desk.agents} agent accounts, one socket each, ${options.chatsPerAgent} chats per agent; server peak RSS (VmHWM, ${since(desk)}) ${fmtMiB(desk.hwmKb)} MiB`);
  if (relay) sections.push(`Relay: server peak RSS (VmHWM, ${since(relay)}) ${fmtMiB(relay.hwmKb)} MiB`);
  for (const mode of modes) sections.push(phaseTable(mode, desk?.phases[mode], relay?.phases[mode], options));
  if (desk) sections.push(targetLines(desk, relay, options));
  for (const mode of modes) {
    const phase = desk?.phases[mode];
    if (!phase?.profileFile) continue;
    sections.push(formatSummary(summariseProfile(phase.profileFile)));
    // With several instances both the stalls and the profile are the first instance's.
    if (phase.usage.longStalls?.length > 0) {
      sections.push(`Stalls of 50 ms or more in the ${mode} window, from the profile's samples inside each:\n\n${analyseStalls(phase.profileFile, phase.usage.longStalls).map(formatStall).join('\n\n')}`);
    }
  }
  return sections.join('\n\n');
}

function phaseTable(mode, deskPhase, relayPhase, options) {
  const desk = deskPhase?.phaseError ? undefined : deskPhase;
  const relay = relayPhase?.phaseError ? undefined : relayPhase;
  const title = mode === 'fixed'
    ? `Fixed rate: ${options.pairs} chats × ${options.rate} msg/s per side (${fmtInt(options.pairs * 2 * options.rate)} msgs/s offered), ${options.duration} s measured after ${options.warmup} s warm-up`
    : `Peak sustained: closed loop, ${options.window} outstanding per side, ${options.pairs} chats, ${options.peakDuration} s measured after ${options.peakWarmup} s warm-up`;
  const rows = [['', 'desk', 'relay', 'desk/relay']];
  const add = (label, pick, format, withRatio = true) => {
    const d = desk ? pick(desk) : NaN;
    const r = relay ? pick(relay) : NaN;
    rows.push([label, format(d), format(r), withRatio ? fmtRatio(d / r) : '']);
  };
  add('acked msgs/s', (p) => p.throughput, fmtInt);
  add('end-to-end p50 ms', (p) => p.e2e.p50, fmtMs);
  add('end-to-end p99 ms', (p) => p.e2e.p99, fmtMs);
  add('end-to-end p99.9 ms', (p) => p.e2e.p999, fmtMs);
  add('end-to-end max ms', (p) => p.e2e.max, fmtMs);
  add('ack p50 ms', (p) => p.ack.p50, fmtMs);
  add('ack p99 ms', (p) => p.ack.p99, fmtMs);
  if (options.alloc) add('KB allocated per acked msg', (p) => (p.allocated ? p.allocated.bytes / 1024 / p.allocated.acked : NaN), (v) => (Number.isFinite(v) ? v.toFixed(1) : '-'));
  add('messages sent (all phase)', (p) => p.sent, fmtInt, false);
  add('errors', (p) => p.errors, fmtInt, false);
  add('  ack timeouts', (p) => p.timeouts, fmtInt, false);
  add('  failed acks', (p) => p.failed, fmtInt, false);
  add('  missing deliveries', (p) => p.missing, fmtInt, false);
  add('  disconnects', (p) => p.disconnects, fmtInt, false);
  add('server CPU (cores)', (p) => p.usage.serverCpu, fmtRatio, false);
  add('bench CPU (cores)', (p) => p.usage.benchCpu, fmtRatio, false);
  add('server threads waiting for a CPU (mean)', (p) => p.usage.serverCpuWait, fmtRatio, false);
  add('bench threads waiting for a CPU (mean)', (p) => p.usage.benchCpuWait, fmtRatio, false);
  add('server max RSS MiB', (p) => p.usage.maxRssKb, fmtMiB);
  add('server event-loop stall max ms', (p) => p.usage.loopStalls.max, fmtMs, false);
  add('server time in stalls ≥ 50 ms', (p) => p.usage.loopStalls.stalledShare, fmtPercent, false);
  add('server main thread waiting for a CPU', (p) => p.usage.loopStalls.cpuWaitShare, fmtPercent, false);
  add('  of the stalls ≥ 50 ms', (p) => p.usage.loopStalls.longStallsCpuWaitShare, fmtPercent, false);
  add('server GC pauses, young / old generation', (p) => p.usage.gc, (gc) => (gc ? `${fmtPercent(gc.minorShare)} / ${fmtPercent(gc.majorShare)}` : '-'), false);
  add('load average (max)', (p) => p.usage.loadMax, fmtRatio, false);
  if (mode === 'fixed') add('bench send lag p99 ms', (p) => p.sendLag?.p99, fmtMs, false);
  add('server busy after the window s', (p) => p.busyAfterSeconds, (v) => (Number.isFinite(v) ? v.toFixed(1) : '-'), false);
  const notes = [];
  for (const [name, phase] of [['desk', deskPhase], ['relay', relayPhase]]) {
    if (phase?.phaseError) notes.push(`${name} phase FAILED: ${phase.phaseError}`);
    if (!phase || phase.phaseError) continue;
    if (Object.keys(phase.failedByCode).length) notes.push(`${name} failed acks by code: ${JSON.stringify(phase.failedByCode)}`);
    if (phase.disconnects) notes.push(`${name} disconnects: ${JSON.stringify(phase.disconnectReasons)}, the first ${phase.firstDisconnectSecondsIntoWindow.toFixed(1)} s into the measured window`);
  }
  for (const [name, phase] of [['desk', desk], ['relay', relay]]) {
    if (phase?.closeFailures) notes.push(`${name}: ${phase.closeFailures} chat:close calls failed after the phase`);
    if (phase?.citizenSendsDeferred) notes.push(`${name}: citizens held back ${fmtInt(phase.citizenSendsDeferred)} times to stay within ${options.citizenLimit} messages a minute per chat (the agents' side kept the server busy)`);
    if (phase && phase.usage.benchCpu >= 0.85) notes.push(`${name}: the bench process used ${phase.usage.benchCpu.toFixed(2)} cores (near one full core): it may be what limits this figure`);
  }
  if (desk?.stored) notes.push(`desk storage check (${desk.stored.chats} chats via GET /api/tickets/:id): ${desk.stored.stored} stored / ${desk.stored.acked} acked, ${desk.stored.chatsWithFewerStoredThanAcked} chats with fewer stored than acked`);
  return [title, table(rows), ...notes].join('\n');
}

function targetLines(desk, relay, options) {
  const lines = [`Targets (2 cores, SQLite, one instance)${desk.database === 'SQLite' ? '' : `, for reference only: this run was on ${desk.database}`}:`];
  const fixed = desk.phases.fixed;
  if (fixed?.phaseError) lines.push(`  MISSED fixed-rate phase failed: ${fixed.phaseError}`);
  else if (fixed) {
    const standard = options.pairs >= 1000 && options.rate >= 1;
    lines.push(`  ${metOrMissed(fixed.e2e.p99 <= 50 && fixed.errors === 0)} ${options.pairs} chats at ${options.rate} msg/s per side: p99 ${fmtMs(fixed.e2e.p99)} ms (≤ 50), ${fixed.errors} errors (0)${standard ? '' : '  [smaller than the target size]'}`);
  }
  const peak = desk.phases.peak;
  if (peak?.phaseError) lines.push(`  MISSED peak phase failed: ${peak.phaseError}`);
  else if (peak && relay?.phases.peak && !relay.phases.peak.phaseError) {
    const ratio = peak.throughput / relay.phases.peak.throughput;
    lines.push(`  ${metOrMissed(ratio >= 0.5)} peak sustained throughput, every message stored: ${fmtInt(peak.throughput)} vs relay ${fmtInt(relay.phases.peak.throughput)} acked msgs/s = ${fmtPercent(ratio)} (≥ 50 %)`);
  }
  return lines.join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
