// @ts-check
/** Small texts of the citizen's chat header: the connection and the expected wait. */
import { text } from '../chat/desk.js';

/**
 * @param {HTMLElement | null} conn
 * @param {HTMLElement} label
 * @param {import('../chat/transport.js').ConnectionState} kind
 */
export function showConnection(conn, label, kind) {
  if (!conn) return;
  conn.dataset.state = kind;
  label.textContent = text(`conn.${kind}`);
}

/** @param {number} seconds */
export function waitText(seconds) {
  const s = Number(seconds) || 0;
  if (s < 60) return text('queue.waitShort');
  const minutes = Math.round(s / 60);
  return minutes <= 1 ? text('queue.waitOne') : text('queue.waitMinutes', { minutes });
}
