// @ts-check
/**
 * Messages the user wrote and the server has not stored yet. They go out one at a time, in the
 * order written, each with its own clientId: a retry (after a timeout or a reconnect) repeats the
 * same clientId, so the server stores it once (docs/contract.md §3, `message:send`).
 * No DOM and no socket here: `send` and the callbacks are given.
 */

/** @typedef {import('./types').MessageDto} MessageDto */
/** @typedef {import('./types').AckError} AckError */
/** @typedef {{ clientId: string, body: string }} Pending */
/** @typedef {{ ok: true, message: MessageDto } | { ok: false, error: AckError }} SendAck */

/**
 * @typedef {object} OutboxOptions
 * @property {(pending: Pending) => Promise<SendAck>} send the acknowledgement; error code TIMEOUT when none came
 * @property {() => boolean} canSend connected, and the chat still open
 * @property {(message: MessageDto, pending: Pending) => void} onStored
 * @property {(pending: Pending, error: AckError) => void} onFailed refused for good (not retried)
 * @property {() => void} [onChange] the queue changed (to persist it)
 * @property {() => string} newId
 * @property {(retry: () => void, ms: number) => void} [later] defaults to setTimeout
 */

export const RETRY_AFTER_TIMEOUT_MS = 3000;
export const RETRY_AFTER_RATE_LIMIT_MS = 5000;

export class Outbox {
  /** @param {OutboxOptions} options */
  constructor(options) {
    this.options = options;
    /** @type {Pending[]} */
    this.queue = [];
    this.sending = false;
  }

  /** Queues a new message; returns it (with its clientId) for the "sending…" bubble. */
  /** @param {string} body */
  add(body) {
    const pending = { clientId: this.options.newId(), body };
    this.queue.push(pending);
    this.options.onChange?.();
    this.flush();
    return pending;
  }

  /** Puts back messages kept from an earlier page (same clientIds), ahead of nothing new. */
  /** @param {Pending[]} saved */
  restore(saved) {
    for (const p of saved) if (p && typeof p.clientId === 'string' && typeof p.body === 'string') this.queue.push({ clientId: p.clientId, body: p.body });
    this.options.onChange?.();
  }

  /** A stored message came by another way (a push or a resume): it is no longer pending. */
  /** @param {string} clientId */
  settle(clientId) {
    const before = this.queue.length;
    this.queue = this.queue.filter((p) => p.clientId !== clientId);
    if (this.queue.length !== before) this.options.onChange?.();
  }

  /** Fails every pending message (the chat ended); returns them. */
  /** @param {AckError} error */
  failAll(error) {
    const failed = this.queue.splice(0);
    for (const pending of failed) this.options.onFailed(pending, error);
    if (failed.length) this.options.onChange?.();
    return failed;
  }

  /** Sends the oldest pending message, then the next; safe to call any time (reconnect, resume). */
  flush() {
    const next = this.queue[0];
    if (!next || this.sending || !this.options.canSend()) return;
    this.sending = true;
    void this.options.send(next).then((ack) => {
      this.sending = false;
      const later = this.options.later ?? ((retry, ms) => setTimeout(retry, ms));
      if (ack.ok) {
        this.settle(next.clientId);
        this.options.onStored(ack.message, next);
      } else if (ack.error.code === 'TIMEOUT' || ack.error.code === 'NETWORK') {
        return later(() => this.flush(), RETRY_AFTER_TIMEOUT_MS);
      } else if (ack.error.code === 'RATE_LIMITED') {
        return later(() => this.flush(), RETRY_AFTER_RATE_LIMIT_MS);
      } else {
        this.settle(next.clientId);
        this.options.onFailed(next, ack.error);
      }
      this.flush();
    });
  }
}
