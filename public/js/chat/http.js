// @ts-check
/** The one JSON call to the API the modules use (common.js's, with the session's CSRF token on writes). */
import { Desk } from './desk.js';

/**
 * Never rejects: a network failure is `{ ok: false, status: 0, body: { error: { code: 'NETWORK' } } }`.
 * @param {string} method
 * @param {string} url
 * @param {unknown} [body]
 */
export function request(method, url, body) {
  return Desk.request(method, url, body);
}
