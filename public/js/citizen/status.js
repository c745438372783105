// @ts-check
/** The expected wait in the citizen's queue line. */
import { text } from '../chat/desk.js';

/** @param {number} seconds */
export function waitText(seconds) {
  const s = Number(seconds) || 0;
  if (s < 60) return text('queue.waitShort');
  const minutes = Math.round(s / 60);
  return minutes <= 1 ? text('queue.waitOne') : text('queue.waitMinutes', { minutes });
}
