// @ts-check
/**
 * One socket to a namespace: acknowledgements as promises with a timeout, the connection state
 * for the page, and a reconnect when the server closed the connection.
 */
import { text } from './desk.js';

export const ACK_TIMEOUT_MS = 10000;

/** @typedef {'connecting' | 'connected' | 'reconnecting'} ConnectionState */

/**
 * @template ClientMap the contract's client events (payload and reply per event)
 * @template ServerMap the contract's server pushes (payload per event)
 */
export class Transport {
  /**
   * @param {string} namespace
   * @param {{ auth?: Record<string, unknown>, onState?: (state: ConnectionState) => void, onRefused?: (error: Error) => boolean }} [options]
   *   onRefused: a refused handshake; return true when the page handled it
   */
  constructor(namespace, options = {}) {
    this.onState = options.onState ?? (() => undefined);
    this.onState('connecting');
    this.socket = window.io(namespace, { auth: options.auth ?? {} });
    this.socket.on('connect', () => this.onState('connected'));
    this.socket.on('disconnect', (reason) => {
      this.onState('reconnecting');
      if (reason === 'io server disconnect') this.socket.connect();
    });
    this.socket.on('connect_error', (error) => {
      if (!options.onRefused?.(error)) this.onState('reconnecting');
    });
  }

  get connected() {
    return this.socket.connected;
  }

  /** Resolves once connected; rejects after ACK_TIMEOUT_MS. */
  whenConnected() {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve(this);
      const timer = setTimeout(() => reject(new Error('timeout')), ACK_TIMEOUT_MS);
      this.socket.once('connect', () => {
        clearTimeout(timer);
        resolve(this);
      });
    });
  }

  /** @param {Record<string, unknown>} auth used from the next (re)connect on */
  setAuth(auth) {
    this.socket.auth = auth;
  }

  /**
   * Emits and resolves with the acknowledgement; never rejects (no answer: error code TIMEOUT).
   * @template {keyof ClientMap & string} E
   * @param {E} event
   * @param {import('./types').PayloadOf<ClientMap, E>} payload
   * @returns {Promise<import('./types').Ack<import('./types').ReplyOf<ClientMap, E>>>}
   */
  request(event, payload) {
    return new Promise((resolve) => {
      this.socket.timeout(ACK_TIMEOUT_MS).emit(event, payload, (/** @type {unknown} */ err, /** @type {any} */ ack) => {
        if (err) resolve({ ok: false, error: { code: 'TIMEOUT', message: text('error.network') } });
        else resolve(ack ?? { ok: false, error: { code: 'INTERNAL', message: text('error.generic') } });
      });
    });
  }

  /**
   * An event without acknowledgement (typing); dropped while disconnected.
   * @template {keyof ClientMap & string} E
   * @param {E} event
   * @param {import('./types').PayloadOf<ClientMap, E>} payload
   */
  send(event, payload) {
    if (this.socket.connected) this.socket.emit(event, payload);
  }

  /**
   * @template {keyof ServerMap & string} E
   * @param {E} event
   * @param {(payload: ServerMap[E]) => void} handler
   */
  on(event, handler) {
    this.socket.on(/** @type {string} */ (event), handler);
  }

  /** @param {() => void} handler */
  onConnect(handler) {
    this.socket.on('connect', handler);
  }

  disconnect() {
    this.socket.disconnect();
  }
}
