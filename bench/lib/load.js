'use strict';

const { summarize } = require('./stats');
const { sleep } = require('./server-process');

const BODY = 'benchmark-tekst: jeg finner ikke brevet fra Skatteetaten i den digitale postkassen min.';

/**
 * Sends `message:send` from both sides of chats and records what comes back: every ack (ok, error
 * code or timeout) and every `message:new` on the peer's socket, matched by clientId. Latency is
 * measured in this process (both sides share its clock) from the emit to the peer's delivery.
 * Only messages sent inside [windowStart, windowEnd) count for latency; acks received inside it
 * count for throughput. Errors are counted over the whole phase, warm-up and drain included.
 */
class LoadRecorder {
  constructor(pairs, { ackTimeoutMs }) {
    this.pairs = pairs;
    this.ackTimeoutMs = ackTimeoutMs;
    this.pending = new Map();
    this.e2e = [];
    this.ackLatency = [];
    this.counts = { sent: 0, sentInWindow: 0, ackedOk: 0, ackedInWindow: 0, delivered: 0, timeouts: 0, unexpected: 0, disconnects: 0 };
    this.failedByCode = {};
    this.disconnectReasons = {};
    this.firstDisconnectAt = null;
    this.windowStart = Infinity;
    this.windowEnd = Infinity;
    this.listeners = [];
    this.attach();
  }

  attach() {
    const sockets = new Set(this.pairs.flatMap((pair) => [pair.citizen, pair.agent]));
    for (const socket of sockets) {
      const onMessage = (message) => this.onDelivery(socket.benchSide, message);
      const onDisconnect = (reason) => this.onDisconnect(socket.benchSide, reason);
      socket.on('message:new', onMessage);
      socket.on('disconnect', onDisconnect);
      this.listeners.push(() => {
        socket.off('message:new', onMessage);
        socket.off('disconnect', onDisconnect);
      });
    }
  }

  onDisconnect(side, reason) {
    this.counts.disconnects += 1;
    const key = `${side}: ${reason}`;
    this.disconnectReasons[key] = (this.disconnectReasons[key] || 0) + 1;
    this.firstDisconnectAt ??= performance.now();
  }

  detach() {
    for (const remove of this.listeners) remove();
  }

  setWindow(start, end) {
    this.windowStart = start;
    this.windowEnd = end;
  }

  inWindow(time) {
    return time >= this.windowStart && time < this.windowEnd;
  }

  /** Emits one message from `side` of `pair`; `onDone(ok)` runs when its ack (or timeout) arrives. */
  send(pair, side, onDone) {
    pair.sent[side] += 1;
    const clientId = `${side[0]}${pair.index}.${pair.sent[side]}`;
    const socket = side === 'citizen' ? pair.citizen : pair.agent;
    const payload = side === 'citizen' ? { clientId, body: BODY } : { chatId: pair.chatId, clientId, body: BODY };
    const entry = { pair, sentAt: performance.now(), acked: false, delivered: false, failed: null };
    this.pending.set(clientId, entry);
    this.counts.sent += 1;
    if (this.inWindow(entry.sentAt)) this.counts.sentInWindow += 1;
    socket.timeout(this.ackTimeoutMs).emit('message:send', payload, (err, ack) => this.onAck(clientId, entry, err, ack, onDone));
  }

  onAck(clientId, entry, err, ack, onDone) {
    const now = performance.now();
    const ok = !err && ack && ack.ok === true;
    if (err) {
      this.counts.timeouts += 1;
      entry.failed = 'TIMEOUT';
    } else if (!ok) {
      const code = ack?.error?.code ?? 'NO_OK';
      this.failedByCode[code] = (this.failedByCode[code] || 0) + 1;
      entry.failed = code;
      this.pending.delete(clientId); // not stored: no delivery to wait for
    } else {
      entry.acked = true;
      entry.pair.acked += 1;
      this.counts.ackedOk += 1;
      if (this.inWindow(now)) this.counts.ackedInWindow += 1;
      if (this.inWindow(entry.sentAt)) this.ackLatency.push(now - entry.sentAt);
      if (entry.delivered) this.pending.delete(clientId);
    }
    onDone?.(ok);
  }

  onDelivery(receiverSide, message) {
    if (!message || !message.clientId || message.author === receiverSide) return; // own echo, or a system message
    const entry = this.pending.get(message.clientId);
    if (!entry || entry.delivered) {
      this.counts.unexpected += 1;
      return;
    }
    entry.delivered = true;
    this.counts.delivered += 1;
    if (this.inWindow(entry.sentAt)) this.e2e.push(performance.now() - entry.sentAt);
    if (entry.acked || entry.failed) this.pending.delete(message.clientId);
  }

  /** Waits until every message is acknowledged and delivered, or `maxMs` passes. */
  async drain(maxMs) {
    const deadline = performance.now() + maxMs;
    while (this.pending.size > 0 && performance.now() < deadline) await sleep(50);
  }

  result() {
    const seconds = (this.windowEnd - this.windowStart) / 1000;
    let missing = 0;
    let unanswered = 0;
    for (const entry of this.pending.values()) {
      if (entry.acked && !entry.delivered) missing += 1;
      else if (!entry.acked && !entry.failed) unanswered += 1;
    }
    const failed = Object.values(this.failedByCode).reduce((a, b) => a + b, 0);
    return {
      ...this.counts,
      seconds,
      throughput: this.counts.ackedInWindow / seconds,
      offeredInWindow: this.counts.sentInWindow / seconds,
      e2e: summarize(this.e2e),
      ack: summarize(this.ackLatency),
      failedByCode: { ...this.failedByCode },
      disconnectReasons: { ...this.disconnectReasons },
      firstDisconnectSecondsIntoWindow: this.firstDisconnectAt === null ? null : (this.firstDisconnectAt - this.windowStart) / 1000,
      failed,
      missing,
      unanswered,
      errors: this.counts.timeouts + failed + missing + unanswered + this.counts.disconnects,
    };
  }
}

/**
 * Open loop: every side of every pair sends `rate` messages a second at its own random phase,
 * whatever the server does (so a slow server shows up as latency, not as fewer messages).
 * Resolves after the window; `lag` holds how late the bench itself sent (its own saturation).
 */
function runFixedRate(recorder, pairs, { rate, warmupSeconds, durationSeconds }) {
  const period = 1000 / rate;
  const sides = pairs
    .flatMap((pair) => [
      { pair, side: 'citizen', phase: Math.random() * period },
      { pair, side: 'agent', phase: Math.random() * period },
    ])
    .sort((a, b) => a.phase - b.phase);
  const start = performance.now() + 20;
  const windowStart = start + warmupSeconds * 1000;
  const windowEnd = windowStart + durationSeconds * 1000;
  recorder.setWindow(windowStart, windowEnd);
  const lag = [];
  let index = 0;
  let round = 0;
  const dueAt = () => start + round * period + sides[index].phase;

  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (dueAt() <= now && dueAt() < windowEnd) {
        lag.push(now - dueAt());
        recorder.send(sides[index].pair, sides[index].side);
        index += 1;
        if (index === sides.length) {
          index = 0;
          round += 1;
        }
      }
      if (dueAt() >= windowEnd) return setTimeout(() => resolve({ lag: summarize(lag) }), Math.max(0, windowEnd - now));
      setTimeout(tick, Math.max(0, dueAt() - now));
    };
    setTimeout(tick, 20);
  });
}

/**
 * Closed loop: every side keeps `window` messages outstanding and sends the next one as soon as an
 * ack comes back (after an error it pauses a second). The server sets the pace: the acks received
 * per second inside the window are its peak sustained throughput. A citizen sends at most
 * `citizenPerMinute` messages in any 60 s (the desk refuses more than 60 a minute per chat); the
 * time citizens spent waiting for that budget is returned.
 */
function runClosedLoop(recorder, pairs, { window, warmupSeconds, durationSeconds, citizenPerMinute }) {
  const start = performance.now();
  const windowStart = start + warmupSeconds * 1000;
  const windowEnd = windowStart + durationSeconds * 1000;
  recorder.setWindow(windowStart, windowEnd);
  const budget = { deferred: 0 };
  const loop = (pair, side) => {
    const now = performance.now();
    if (now >= windowEnd) return;
    const wait = side === 'citizen' ? budgetWait(pair, now, citizenPerMinute) : 0;
    if (wait > 0) {
      budget.deferred += 1;
      return setTimeout(() => loop(pair, side), wait);
    }
    if (side === 'citizen' && citizenPerMinute) pair.citizenSends.push(now);
    recorder.send(pair, side, (ok) => (ok ? loop(pair, side) : setTimeout(() => loop(pair, side), 1000)));
  };
  for (const pair of pairs) {
    pair.citizenSends = [];
    for (let i = 0; i < window; i += 1) {
      loop(pair, 'citizen');
      loop(pair, 'agent');
    }
  }
  return sleep(windowEnd - performance.now()).then(() => ({ citizenSendsDeferred: budget.deferred }));
}

/** How long a citizen must wait before its next message keeps within `perMinute` in any 60 s (0: now). */
function budgetWait(pair, now, perMinute) {
  if (!perMinute) return 0;
  const sends = pair.citizenSends;
  while (sends.length > 0 && sends[0] <= now - 60_000) sends.shift();
  return sends.length < perMinute ? 0 : sends[0] + 60_000 - now + 1;
}

module.exports = { LoadRecorder, runFixedRate, runClosedLoop };
