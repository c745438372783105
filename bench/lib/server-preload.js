'use strict';

/**
 * Loaded into a benchmarked server with `node -r` (never by the application itself). Answers the
 * bench over the IPC channel: memory figures (after a full GC when --expose-gc is on), heap
 * snapshots, event-loop stalls, and a CPU or allocation profile of exactly the measured phase,
 * through the in-process inspector.
 */
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { PerformanceObserver, constants, monitorEventLoopDelay } = require('node:perf_hooks');
const v8 = require('node:v8');
const { threadCpuWaitNs } = require('./schedstat');

let session;

/**
 * Event-loop stalls: a 10 ms interval notes how much later than planned it ran, with the time
 * (ms since the epoch, comparable with the bench's clock). While the loop is stalled no socket is
 * read or written, so every stall adds directly to message latency. Each tick also notes how long
 * the main thread waited for a CPU since the last one (the kernel's run-queue time): a stall the
 * thread spent waiting was the machine's doing, not the server's own work.
 */
const TICK_MS = 10;
const stalls = []; // [epochMs, stallMs, cpuWaitMs, ...] flat, newest last
// Stalls of 30 ms or more with the monotonic time of their end in µs (the clock of a CPU profile's samples).
const longStalls = []; // [epochMs, monotonicUs, stallMs, cpuWaitMs, ...] flat
let lastTick = performance.now();
let lastCpuWaitNs = threadCpuWaitNs(process.pid);
setInterval(() => {
  const now = performance.now();
  const stall = Math.max(0, now - lastTick - TICK_MS);
  const cpuWaitNs = threadCpuWaitNs(process.pid);
  const cpuWait = (cpuWaitNs - lastCpuWaitNs) / 1e6;
  stalls.push(performance.timeOrigin + now, stall, cpuWait);
  if (stall >= 30) longStalls.push(performance.timeOrigin + now, Number(process.hrtime.bigint() / 1000n), stall, cpuWait);
  lastTick = now;
  lastCpuWaitNs = cpuWaitNs;
  if (stalls.length > 3 * 60_000) stalls.splice(0, 3 * 20_000); // keep about ten minutes
  if (longStalls.length > 4 * 10_000) longStalls.splice(0, 4 * 1_000);
}, TICK_MS).unref();

/**
 * Stalls that ended within [from, to] (epoch ms): the largest, p99 of the ticks, the share of the
 * time spent in stalls of 50 ms or more, the share of the window the main thread waited for a CPU,
 * and how much of the stalls of 50 ms or more it spent waiting for one.
 */
function stallsBetween(from, to) {
  const values = [];
  let longStalledMs = 0;
  let cpuWaitMs = 0;
  let longStallsMs = 0;
  let longStallsCpuWaitMs = 0;
  for (let i = 0; i < stalls.length; i += 3) {
    if (stalls[i] < from || stalls[i] > to) continue;
    const [stall, cpuWait] = [stalls[i + 1], stalls[i + 2]];
    values.push(stall);
    cpuWaitMs += cpuWait;
    if (stall >= 50) {
      longStalledMs += Math.min(stall, stalls[i] - from); // the part inside the window
      longStallsMs += stall + TICK_MS;
      longStallsCpuWaitMs += cpuWait;
    }
  }
  values.sort((a, b) => a - b);
  const p99 = values.length ? values[Math.min(values.length - 1, Math.ceil(0.99 * values.length) - 1)] : 0;
  return {
    ticks: values.length,
    max: values.length ? values[values.length - 1] : 0,
    p99,
    stalledShare: longStalledMs / Math.max(1, to - from),
    cpuWaitShare: cpuWaitMs / Math.max(1, to - from),
    longStallsCpuWaitShare: longStallsMs > 0 ? longStallsCpuWaitMs / longStallsMs : NaN,
  };
}

/** Node's own event-loop delay histogram (perf_hooks), for a phase the bench starts and reads. */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

/**
 * Garbage-collection pauses of the main thread: [epochMs at the end, kind, ms, ...] flat. Minor:
 * scavenges of the young generation; everything else is the old generation's (mark-compact,
 * incremental marking steps, weak callbacks). Work V8 does in its helper threads meanwhile does not
 * count here (it shows in the server's CPU).
 */
const gcPauses = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcPauses.push(performance.timeOrigin + entry.startTime + entry.duration, entry.detail.kind, entry.duration);
  }
  if (gcPauses.length > 3 * 200_000) gcPauses.splice(0, 3 * 50_000);
}).observe({ entryTypes: ['gc'] });

/** Main-thread GC pauses that ended within [from, to] (epoch ms), as shares of the window. */
function gcBetween(from, to) {
  let minorMs = 0;
  let majorMs = 0;
  let minorCount = 0;
  for (let i = 0; i < gcPauses.length; i += 3) {
    if (gcPauses[i] < from || gcPauses[i] > to) continue;
    if (gcPauses[i + 1] === constants.NODE_PERFORMANCE_GC_MINOR) {
      minorMs += gcPauses[i + 2];
      minorCount += 1;
    } else majorMs += gcPauses[i + 2];
  }
  const window = Math.max(1, to - from);
  return { minorShare: minorMs / window, majorShare: majorMs / window, minorCount };
}

function openSession() {
  session = new Session();
  session.connect();
}

/** Ends a profile with `method`, closes the session and writes the profile to `file`. */
async function stopInto(method, file) {
  const { profile } = await post(method);
  session.disconnect();
  session = undefined;
  writeFileSync(file, JSON.stringify(profile));
  return profile;
}

function post(method, params) {
  return new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
}

const handlers = {
  async loopStalls({ from, to }) {
    return stallsBetween(from, to);
  },
  /** Each stall of `min` ms or more that ended within [from, to], the main thread's wait for a CPU in it, and the GC pauses that ended inside it. */
  async longStalls({ from, to, min }) {
    const found = [];
    for (let i = 0; i < longStalls.length; i += 4) {
      if (longStalls[i] < from || longStalls[i] > to || longStalls[i + 2] < min) continue;
      const [endEpochMs, endMonotonicUs, ms, cpuWaitMs] = longStalls.slice(i, i + 4);
      const gc = [];
      for (let j = 0; j < gcPauses.length; j += 3) {
        if (gcPauses[j] > endEpochMs - ms - TICK_MS && gcPauses[j] <= endEpochMs) gc.push({ kind: gcPauses[j + 1], ms: gcPauses[j + 2] });
      }
      found.push({ endEpochMs, endMonotonicUs, ms, cpuWaitMs, gc });
    }
    return found;
  },
  async loopDelayReset() {
    loopDelay.reset();
    return {};
  },
  /** ms, as perf_hooks reports them (in ns) since the last reset. */
  async loopDelay() {
    const ms = (ns) => ns / 1e6;
    return { max: ms(loopDelay.max), p99: ms(loopDelay.percentile(99)), p50: ms(loopDelay.percentile(50)), mean: ms(loopDelay.mean), count: loopDelay.count };
  },
  async gcPauses({ from, to }) {
    return gcBetween(from, to);
  },
  async memory({ gc }) {
    if (gc && typeof global.gc === 'function') global.gc();
    return process.memoryUsage();
  },
  async heapSnapshot({ file }) {
    if (typeof global.gc === 'function') global.gc();
    return { file: v8.writeHeapSnapshot(file) };
  },
  async profileStart() {
    openSession();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 1000 });
    await post('Profiler.start');
    return {};
  },
  async profileStop({ file }) {
    await stopInto('Profiler.stop', file);
    return { file };
  },
  /** What the main thread allocates, short-lived objects included (V8's sampling heap profiler). */
  async allocStart() {
    openSession();
    await post('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
    return {};
  },
  async allocStop({ file }) {
    const profile = await stopInto('HeapProfiler.stopSampling', file);
    const total = (node) => node.children.reduce((sum, child) => sum + total(child), node.selfSize);
    return { file, bytes: total(profile.head) };
  },
};

if (process.send) {
  process.on('message', (message) => {
    if (!message || typeof message.benchId !== 'number' || !handlers[message.cmd]) return;
    handlers[message.cmd](message)
      .then((result) => process.send({ benchId: message.benchId, ok: true, result }))
      .catch((error) => process.send({ benchId: message.benchId, ok: false, error: String(error && error.stack) }));
  });
  // The channel must not keep a server alive that is shutting down.
  process.channel.unref();
}
