// @ts-check
/** What must survive a reload in this tab: the chat's token and the messages not sent yet. */
import * as storage from './session-store.js';

const STORE_KEY = 'desk.citizen.chat';

/**
 * @typedef {object} SavedChat
 * @property {string} token
 * @property {string | null} chatId
 * @property {string | null} reference
 * @property {number} lastSeq
 * @property {string | null} endedBy
 * @property {boolean} rated
 * @property {import('../chat/outbox.js').Pending[]} pending
 */

/** @param {SavedChat} chat */
export function save(chat) {
  try {
    storage.setItem(STORE_KEY, JSON.stringify(chat));
  } catch {
    /* private mode or full: the chat still works, it just will not survive a reload */
  }
}

/** @returns {SavedChat | null} */
export function load() {
  try {
    const saved = JSON.parse(storage.getItem(STORE_KEY) || 'null');
    return saved && typeof saved.token === 'string' ? saved : null;
  } catch {
    return null;
  }
}

export function forget() {
  try {
    storage.removeItem(STORE_KEY);
  } catch {
    /* nothing to do */
  }
}
