// @ts-check
/**
 * The citizen page in the widget's panel (its embed mode): talks to the loader on the host page.
 * It tells the loader whether the chat is open, the launcher's texts and the unread count, and
 * takes "the panel opened / was minimised / was closed" in return. Messages go to the host
 * origin the server checked against EMBED_ORIGINS, and only that parent window is listened to.
 */
import { data, text } from '../chat/desk.js';
import * as storage from '../citizen/session-store.js';
import * as chatStore from '../citizen/store.js';
import { wireLogin } from './frame-login.js';
import { loadFrameState, saveFrameState } from './frame-store.js';

const SOURCE = 'desk-chat';
const hostOrigin = String(data.embed?.host ?? '');
const parentWindow = window.parent !== window ? window.parent : null;
const $ = (/** @type {string} */ id) => document.getElementById(id);
const log = /** @type {HTMLElement} */ ($('chat-log'));
const frame = loadFrameState();
let panelOpen = frame.panelOpen;
let open = Boolean(data.open);

/** @param {Record<string, unknown>} message */
function tell(message) {
  if (parentWindow && hostOrigin) parentWindow.postMessage({ source: SOURCE, ...message }, hostOrigin);
}

/** A fresh page for the frame; when the loader keeps its state, the loader loads it (with that state). */
function reloadFrame() {
  if (storage.keptByHost && parentWindow) tell({ type: 'reload' });
  else window.location.reload();
}

/** Agent messages of this chat the citizen has not had in front of them. */
function theirSeqs() {
  return Array.from(log.querySelectorAll('.msg--theirs[data-seq]')).map((node) => Number(/** @type {HTMLElement} */ (node).dataset.seq) || 0);
}

function unread() {
  const chatId = chatStore.load()?.chatId ?? null;
  if (frame.chatId !== chatId) return theirSeqs().length;
  return theirSeqs().filter((seq) => seq > frame.seenSeq).length;
}

function markSeen() {
  const chatId = chatStore.load()?.chatId ?? null;
  // Another chat counts its messages from its own start.
  if (chatId !== frame.chatId) frame.seenSeq = 0;
  frame.chatId = chatId;
  frame.seenSeq = Math.max(frame.seenSeq, ...theirSeqs());
}

function statusLine() {
  if (open) return text('widget.openNow');
  const next = document.querySelector('#opening-status .opening-status__next')?.textContent?.trim();
  return next ? `${text('widget.closedNow')}. ${next}` : text('widget.closedNow');
}

function report() {
  if (panelOpen) markSeen();
  frame.panelOpen = panelOpen;
  saveFrameState(frame);
  const count = panelOpen ? 0 : unread();
  tell({
    type: 'state',
    open,
    panelOpen,
    unread: count,
    texts: {
      launcher: text('widget.launcher'),
      status: statusLine(),
      unread: count === 1 ? text('widget.unreadOne') : text('widget.unread', { count }),
      panel: text('widget.panel'),
      minimise: text('widget.minimise'),
      close: text('widget.close'),
    },
  });
}

/** Where the keyboard lands when the panel opens: where the citizen is in the chat. */
function focusTarget() {
  const visible = (/** @type {string} */ id) => {
    const node = $(id);
    return node && !node.hidden ? node : null;
  };
  if (visible('chat-section')) return visible('composer') ? $('composer-input') : $('chat-heading');
  if (visible('ended-section')) return $('ended-heading');
  if (visible('start-section')) return document.querySelector('#start-form input, #start-form textarea');
  if (visible('contact-section')) return $('contact-heading');
  return $('main');
}

/** A finished chat is forgotten when the citizen closes the panel; a running one goes on. */
function closePanel() {
  const saved = chatStore.load();
  const finished = !$('ended-section')?.hidden;
  if (saved && finished) {
    chatStore.forget();
    reloadFrame();
  }
}

window.addEventListener('message', (event) => {
  if (event.source !== parentWindow || event.origin !== hostOrigin) return;
  const message = event.data;
  if (!message || typeof message !== 'object' || message.source !== SOURCE || message.type !== 'panel') return;
  panelOpen = message.open === true;
  report();
  if (panelOpen && message.focus === true) /** @type {HTMLElement | null} */ (focusTarget())?.focus();
  if (!panelOpen && message.close === true) closePanel();
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !event.defaultPrevented) tell({ type: 'minimise' });
});

// New messages, the chat starting or ending: the launcher's count and texts follow.
new MutationObserver(() => report()).observe(log, { childList: true });
['chat-section', 'ended-section'].forEach((id) => {
  const node = $(id);
  if (node) new MutationObserver(() => report()).observe(node, { attributes: true, attributeFilter: ['hidden'] });
});

/**
 * Live status: at the next opening or closing the page is fetched again (it then offers the
 * start form or the leave-a-message form), unless a chat is going on, which the server closes.
 */
function watchOpeningHours() {
  const boundary = data.open ? data.closesAt : data.opensAt;
  if (!boundary || !data.now) return;
  const wait = Math.min(Date.parse(boundary) - Date.parse(data.now), 2 ** 31 - 1);
  if (!(wait > 0)) return;
  setTimeout(async () => {
    if (!chatStore.load()) return reloadFrame();
    const response = await fetch('/api/opening-hours', { credentials: 'omit' }).catch(() => null);
    const status = response?.ok ? await response.json().catch(() => null) : null;
    if (status && typeof status.open === 'boolean') open = status.open;
    report();
  }, wait);
}

if (storage.keptByHost) storage.onChange((values) => tell({ type: 'save', state: values }));
wireLogin(frame, () => saveFrameState(frame));
watchOpeningHours();
report();
