// @ts-check
/** What the widget's frame keeps in this tab (its storage, see citizen/session-store.js). */
import * as storage from '../citizen/session-store.js';

const STORE_KEY = 'desk.widget';

/**
 * @typedef {object} FrameState
 * @property {boolean} panelOpen whether the panel was open (it opens again on the host's next page)
 * @property {string | null} chatId the chat whose agent messages up to seenSeq the citizen has seen
 * @property {number} seenSeq
 * @property {{ code: string, pid: string, method: string } | null} login the ID-porten log-in handed over by the popup
 * @property {string | null} verifiedChat the chat that log-in was applied to
 */

/**
 * The saved state, each field checked. A log-in is only taken from the frame's own storage: one in
 * the state the host page keeps was planted there (saveFrameState never hands it over).
 * @returns {FrameState}
 */
export function loadFrameState() {
  /** @type {any} */
  let saved = null;
  try {
    saved = JSON.parse(storage.getItem(STORE_KEY) || 'null');
  } catch {
    saved = null;
  }
  const string = (/** @type {unknown} */ value) => (typeof value === 'string' ? value : null);
  const login = saved?.login;
  const ownLogin = !storage.keptByHost && typeof login?.code === 'string' && typeof login?.pid === 'string';
  return {
    panelOpen: saved?.panelOpen === true,
    chatId: string(saved?.chatId),
    seenSeq: Number.isSafeInteger(saved?.seenSeq) ? saved.seenSeq : 0,
    login: ownLogin ? { code: login.code, pid: login.pid, method: string(login.method) ?? '' } : null,
    verifiedChat: string(saved?.verifiedChat),
  };
}

/** @param {FrameState} state */
export function saveFrameState(state) {
  try {
    // The log-in code never goes to the host page: its scripts could verify a chat of their own with it.
    storage.setItem(STORE_KEY, JSON.stringify(storage.keptByHost ? { ...state, login: null } : state));
  } catch {
    /* private mode or full: the panel starts closed on the next page */
  }
}
