// @ts-check
/** Whether a chat's citizen is connected, and since when they left ("Citizen left 14:02"): a tag in the chat card's head. */
import { Desk, text } from '../chat/desk.js';

/** @typedef {{ connected?: boolean, leftAt?: string }} CitizenPresence */

/**
 * @param {HTMLElement} tag
 * @param {CitizenPresence | null} presence null or without `connected`: not known, or the chat is over
 */
export function showCitizenPresence(tag, presence) {
  if (typeof presence?.connected !== 'boolean') {
    tag.hidden = true;
    return;
  }
  tag.hidden = false;
  tag.dataset.color = presence.connected ? 'success' : 'warning';
  tag.dataset.presence = presence.connected ? 'connected' : 'left';
  tag.textContent = presence.connected
    ? text('agent.citizen.connected')
    : text('agent.citizen.left', { time: presence.leftAt ? Desk.formatTime(presence.leftAt) : '–' });
}
