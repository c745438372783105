// @ts-check
/** Never rejects: a network failure is `{ ok: false, status: 0, body: { error: { code: 'NETWORK' } } }`. */
export { request } from '../page/http.js';
