'use strict';

const { spawn, execFileSync } = require('node:child_process');
const { readFileSync, writeFileSync, createWriteStream } = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const { processCpuWaitSeconds } = require('./schedstat');

const PRELOAD = path.join(__dirname, 'server-preload.js');

/** Children still running: killed if the bench itself ends early (an error, Ctrl-C). */
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    process.exit(130);
  });
}
const CLOCK_TICKS = readClockTicks();

function readClockTicks() {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** A port nobody listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** VmRSS and VmHWM (kB) of a process, from /proc/<pid>/status. */
function readMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number((status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm')) || [])[1]);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function readCpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime (fields 14 and 15)
}

/** The 1-minute load average. */
function loadAverage() {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

/**
 * Samples a process's resident memory every `everyMs` and keeps the maximum since each mark,
 * plus the machine's load average, so each phase can report its own peak.
 */
class ProcessSampler {
  constructor(pid, everyMs = 200) {
    this.pid = pid;
    this.maxRssKb = 0;
    this.loads = [];
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
    this.loadTimer = setInterval(() => this.loads.push(loadAverage()), 5000);
    this.loadTimer.unref();
    this.sample();
  }

  sample() {
    try {
      const { rssKb, hwmKb } = readMemory(this.pid);
      this.maxRssKb = Math.max(this.maxRssKb, rssKb);
      this.lastRssKb = rssKb;
      this.hwmKb = hwmKb;
    } catch {
      // the process has gone
    }
  }

  /** Starts a phase: resets the phase maximum, notes CPU time and load averages. */
  mark() {
    this.sample();
    this.maxRssKb = this.lastRssKb;
    this.loads = [loadAverage()];
    return { at: performance.now(), cpu: readCpuSeconds(this.pid), selfCpu: process.cpuUsage(), cpuWait: processCpuWaitSeconds(this.pid), selfCpuWait: processCpuWaitSeconds(process.pid) };
  }

  /** What happened since a mark: peak RSS, server and bench CPU use (1.0 = one core busy) and waits for a CPU, load. */
  since(mark) {
    this.sample();
    const seconds = (performance.now() - mark.at) / 1000;
    const self = process.cpuUsage(mark.selfCpu);
    this.loads.push(loadAverage());
    return {
      seconds,
      maxRssKb: this.maxRssKb,
      rssKb: this.lastRssKb,
      hwmKb: this.hwmKb,
      serverCpu: (readCpuSeconds(this.pid) - mark.cpu) / seconds,
      benchCpu: (self.user + self.system) / 1e6 / seconds,
      // Threads waiting for a CPU on average over the phase (0.5 = one thread, half of the time).
      serverCpuWait: (processCpuWaitSeconds(this.pid) - mark.cpuWait) / seconds,
      benchCpuWait: (processCpuWaitSeconds(process.pid) - mark.selfCpuWait) / seconds,
      loadMax: Math.max(...this.loads),
    };
  }

  /** Resets the kernel's peak (VmHWM) to the current RSS, so later peaks exclude start-up. */
  resetPeak() {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
      this.sample();
      return true;
    } catch {
      return false;
    }
  }

  stop() {
    clearInterval(this.timer);
    clearInterval(this.loadTimer);
  }
}

const answersHealth = async (url) => (await fetch(`${url}/health`)).ok;

/**
 * Runs `node [nodeArgs] -r server-preload.js <script>` as a child process and waits until
 * `isReady(url)` resolves true (by default: GET /health answers). stdout/stderr go to `logFile`
 * (and are kept for error messages).
 */
async function startServer({ label, script, env = {}, nodeArgs = [], logFile, isReady = answersHealth, readyTimeoutMs = 60_000, cwd }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, '-r', PRELOAD, script], {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output = [];
  const log = logFile ? createWriteStream(logFile) : null;
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (text) => {
      output.push(text);
      if (output.length > 500) output.shift();
      log?.write(text);
    });
  }
  running.add(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  exited.then(() => running.delete(child));
  const server = new ServerProcess(label, child, url, port, output, exited, log);
  await server.waitUntilReady(isReady, readyTimeoutMs);
  server.sampler = new ProcessSampler(child.pid);
  return server;
}

class ServerProcess {
  constructor(label, child, url, port, output, exited, log) {
    Object.assign(this, { label, child, url, port, output, exited, log });
    this.pid = child.pid;
    this.requests = new Map();
    this.nextRequestId = 1;
    this.alive = true;
    exited.then(() => (this.alive = false));
    child.on('message', (message) => this.onMessage(message));
  }

  text() {
    return this.output.join('');
  }

  async waitUntilReady(isReady, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`${this.label} exited during start-up:\n${this.text()}`);
      if (await isReady(this.url).catch(() => false)) return;
      await sleep(100);
    }
    throw new Error(`${this.label} did not become ready within ${timeoutMs} ms:\n${this.text()}`);
  }

  /** Sends a command to server-preload.js and resolves with its answer. */
  request(cmd, params = {}, timeoutMs = 60_000) {
    const benchId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.requests.delete(benchId);
        reject(new Error(`${this.label}: no answer to ${cmd}`));
      }, timeoutMs);
      this.requests.set(benchId, { resolve, reject, timer });
      this.child.send({ ...params, cmd, benchId });
    });
  }

  onMessage(message) {
    const pending = message && this.requests.get(message.benchId);
    if (!pending) return;
    this.requests.delete(message.benchId);
    clearTimeout(pending.timer);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new Error(message.error));
  }

  /**
   * Waits until the server has finished its backlog: less than `maxCores` CPU over `quietMs`
   * (or `timeoutMs` passes). Returns the seconds waited.
   */
  async waitUntilIdle({ maxCores = 0.15, quietMs = 1000, timeoutMs = 120_000 } = {}) {
    const started = performance.now();
    while (performance.now() - started < timeoutMs) {
      const before = readCpuSeconds(this.pid);
      await sleep(quietMs);
      if ((readCpuSeconds(this.pid) - before) / (quietMs / 1000) < maxCores) break;
    }
    return (performance.now() - started) / 1000;
  }

  /** SIGTERM, then SIGKILL after `graceMs`; only this child, by its pid. */
  async stop(graceMs = 10_000) {
    this.sampler?.stop();
    if (this.alive) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.alive && this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.log?.end();
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = { startServer, readMemory, sleep };
