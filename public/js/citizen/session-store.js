// @ts-check
/**
 * The tab's storage for the citizen page: sessionStorage. In the widget's frame the browser may
 * refuse a cross-site frame any storage (Chromium does whenever it blocks third-party cookies):
 * then the values live in memory, seeded from the state the loader passed in the
 * frame's URL fragment (never sent to a server), and every change is offered to the frame's
 * module (onChange), which hands it to the loader to keep in the host page's sessionStorage.
 */
import { data } from '../chat/desk.js';

function sessionStorageWorks() {
  try {
    sessionStorage.setItem('desk.probe', '1');
    sessionStorage.removeItem('desk.probe');
    return true;
  } catch {
    return false;
  }
}

/** True when the loader on the host page keeps this frame's state. */
export const keptByHost = Boolean(data.embed) && !sessionStorageWorks();
/** @type {Map<string, string>} */
const memory = new Map();
/** @type {((values: Record<string, string>) => void)[]} */
const listeners = [];

if (keptByHost) {
  const fragment = new URLSearchParams(window.location.hash.slice(1)).get('state');
  try {
    const seeded = JSON.parse(fragment || '{}');
    for (const [key, value] of Object.entries(seeded)) if (typeof value === 'string') memory.set(key, value);
  } catch {
    /* a broken state from the host page: start afresh */
  }
  if (fragment !== null) history.replaceState(null, '', window.location.pathname + window.location.search);
}

/** @param {string} key */
export function getItem(key) {
  return keptByHost ? (memory.get(key) ?? null) : sessionStorage.getItem(key);
}

/** @param {string} key @param {string} value */
export function setItem(key, value) {
  if (!keptByHost) return sessionStorage.setItem(key, value);
  memory.set(key, value);
  changed();
}

/** @param {string} key */
export function removeItem(key) {
  if (!keptByHost) return sessionStorage.removeItem(key);
  memory.delete(key);
  changed();
}

/** @param {(values: Record<string, string>) => void} listener */
export function onChange(listener) {
  listeners.push(listener);
}

function changed() {
  const values = Object.fromEntries(memory);
  listeners.forEach((listener) => listener(values));
}
