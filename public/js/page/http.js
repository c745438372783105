// @ts-check
/** The one JSON call to the API: the session's CSRF token on writes. */
import { data, text } from './page-data.js';

/** @typedef {import('./types').ApiResult} ApiResult */

/**
 * Never rejects: a network failure is `{ ok: false, status: 0, body: { error: { code: 'NETWORK' } } }`.
 * @param {string} method
 * @param {string} url
 * @param {unknown} [body]
 * @returns {Promise<ApiResult>}
 */
export async function request(method, url, body) {
  /** @type {Record<string, string>} */
  const headers = { accept: 'application/json' };
  if (method !== 'GET' && data.csrfToken) headers['x-csrf-token'] = data.csrfToken;
  if (body) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(url, { method, headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined });
    const json = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, body: json };
  } catch {
    return { ok: false, status: 0, body: { error: { code: 'NETWORK', message: text('error.network') } } };
  }
}
