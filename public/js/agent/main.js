// @ts-check
/**
 * The agent console: status, the live queue, and the agent's chats side by side. The server sends
 * `agent:state` on every (re)connect; from it the console re-joins its chats with the last seq it
 * has, so nothing said while the connection was down is missed.
 */
import { Desk, data, text } from '../chat/desk.js';
import { showConnection } from '../chat/components.js';
import { Transport } from '../chat/transport.js';
import { AlertSettings } from './alert-settings.js';
import { Alerts } from './alerts.js';
import { Chats } from './chats.js';
import { noticesIn } from './notices.js';
import { Queue } from './queue.js';
import { rememberStatus, rememberedStatus } from './status.js';

/** @typedef {import('../chat/types').AgentClientEventMap} ClientMap */
/** @typedef {import('../chat/types').AgentServerEventMap} ServerMap */
/** @typedef {import('../chat/types').WaitingChat} WaitingChat */

const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));

/** @type {{ id?: string, displayName?: string }} */
let me = data.user || {};
/** @type {'available' | 'away' | null} */
let status = null;
/** @type {Set<string>} chats whose chat:accept has not been answered yet */
const accepting = new Set();

const chatsHeading = $('chats-heading');
const notices = noticesIn($('notices'), chatsHeading);
const transport = /** @type {Transport<ClientMap, ServerMap>} */ (
  new Transport('/agent', {
    onState: (kind) => showConnection($('conn-status'), $('conn-text'), kind),
    onRefused: (error) => {
      if (error?.message !== 'UNAUTHENTICATED') return false;
      // The session is gone (logged out elsewhere, or expired): log in again and come back.
      window.location.assign(`/login?next=${encodeURIComponent('/agent')}`);
      return true;
    },
  })
);
const queue = new Queue(
  { heading: $('queue-heading'), count: $('queue-count'), empty: $('queue-empty'), list: $('queue-list'), template: $('queue-item-template') },
  { available: () => status === 'available', onAccept: (entry, button) => void accept(entry, button) },
);
const chats = new Chats({ columns: $('chat-columns'), heading: chatsHeading, none: $('no-chats'), template: $('chat-template') }, { transport, notices, me: () => me });
const alertSettings = new AlertSettings(
  { root: $('alert-settings'), ask: $('alert-permission-ask'), blocked: $('alert-permission-blocked'), unsupported: $('alert-permission-unsupported') },
  { notices, onChange: () => alerts.updateTitle() },
);
const alerts = new Alerts({
  queueSection: $('queue-section'),
  chatColumns: $('chat-columns'),
  status: () => status,
  preferences: () => alertSettings.preferences,
  referenceOf: (chatId) => chats.get(chatId)?.chat.reference ?? null,
  showChat: (chatId) => chats.get(chatId)?.heading.focus(),
  showQueue: () => $('queue-heading').focus(),
});
const statusInputs = /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[name="agent-status"]'));

/** @param {string | null | undefined} value */
function showStatus(value) {
  if (value !== 'available' && value !== 'away') return;
  status = value;
  statusInputs.forEach((input) => (input.checked = input.value === value));
  if (value === 'away') {
    queue.render([]);
    alerts.away();
  }
}

/** @param {'available' | 'away'} value @param {boolean} announce */
async function setStatus(value, announce) {
  const previous = status;
  const ack = await transport.request('agent:status', { status: value });
  if (!ack.ok) {
    showStatus(previous);
    return notices.fail(ack.error);
  }
  showStatus(value);
  if (announce) notices.notify(text(`agent.statusChanged.${value}`), 'info');
  if (value === 'available') void refreshQueue();
}

async function refreshQueue() {
  const ack = await transport.request('queue:list', {});
  if (!ack.ok || status !== 'available') return;
  queue.render(ack.waiting || []);
  alerts.queue(ack.waiting || [], false);
}

/** @param {WaitingChat} entry @param {HTMLButtonElement} button */
async function accept(entry, button) {
  Desk.setBusy(button, true);
  accepting.add(entry.chatId);
  const ack = await transport.request('chat:accept', { chatId: entry.chatId });
  accepting.delete(entry.chatId);
  Desk.setBusy(button, false);
  if (!ack.ok) {
    if (ack.error.code !== 'TAKEN' && ack.error.code !== 'NOT_FOUND') return notices.fail(ack.error);
    notices.notify(text('agent.taken', { reference: entry.reference }), 'warning');
    return queue.without(entry.chatId);
  }
  queue.without(entry.chatId);
  chats.open(ack.chat, ack.messages, ack.citizen, false)?.reply.focus();
}

transport.on('agent:state', (state) => {
  if (state.user?.id) me = state.user;
  const wanted = rememberedStatus();
  showStatus(state.status);
  if (wanted && wanted !== state.status) void setStatus(wanted, false);
  queue.render(state.status === 'available' ? state.waiting : []);
  if (state.status === 'available') alerts.queue(state.waiting || [], false);
  chats.rejoin(state.chats || []);
});
transport.on('agent:status', (payload) => showStatus(payload?.status));
transport.on('queue:updated', (payload) => {
  if (status !== 'available') return;
  queue.render(payload?.waiting || [], payload?.total);
  alerts.queue(payload?.waiting || [], true);
});
transport.on('chat:assigned', (payload) => {
  // Our own accept also announces the assignment; its acknowledgement opens that chat.
  if (payload?.chatId && !chats.get(payload.chatId) && !accepting.has(payload.chatId)) void chats.join(payload.chatId, true);
});
transport.on('chat:removed', (payload) => {
  if (!payload?.chatId) return;
  chats.remove(payload.chatId, payload.reason === 'requeued' ? 'requeued' : 'transferred');
  alerts.chatGone(payload.chatId);
});
transport.on('chat:ended', (payload) => chats.get(payload?.chatId)?.markEnded(payload.by, payload.outcome));
transport.on('chat:presence', (payload) => chats.get(payload?.chatId)?.setPresence(payload));
transport.on('message:new', (message) => {
  chats.get(message?.chatId)?.addMessage(message);
  alerts.message(message);
});
// The citizen logged in with ID-porten: the identity (and acr/amr) changed, so read the context again.
transport.on('chat:verified', (payload) => {
  const view = chats.get(payload?.chatId);
  if (!view) return;
  view.setVerified(true);
  void view.loadCitizen();
  void view.loadEarlierContacts();
  notices.notify(text('context.verifiedNow', { reference: view.chat.reference }), 'success');
});
transport.on('note:new', (note) => chats.get(note?.chatId)?.addNote(note));
transport.on('typing', (payload) => {
  const view = chats.get(payload?.chatId);
  if (view && /** @type {string} */ (payload.author) !== 'agent') view.showTyping(Boolean(payload.typing));
});

statusInputs.forEach((input) =>
  input.addEventListener('change', () => {
    if (!input.checked) return;
    const value = /** @type {'available' | 'away'} */ (input.value);
    rememberStatus(value);
    void setStatus(value, true);
  }),
);

const logout = $('logout');
logout.addEventListener('click', async () => {
  Desk.setBusy(logout, true);
  await Desk.request('POST', '/api/auth/logout');
  transport.disconnect();
  window.location.assign('/login');
});

queue.render([]);
void alertSettings.load();
