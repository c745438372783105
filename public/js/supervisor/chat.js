// @ts-check
/**
 * A supervisor's read-only view of one chat: the conversation live (chat:join, message:new), a form
 * for an internal note to the agent (note:add), and one timeline of messages, notes, events and
 * audit records (who looked at the citizen's data), in time order. The timeline is fetched again,
 * a moment after anything happens to the chat or the desk.
 */
import { MessageList, showConnection } from '../chat/components.js';
import { Transport } from '../chat/transport.js';
import { notify, setBusy } from '../page/dom.js';
import { clearFieldErrors, errorsFrom, setFieldError } from '../page/form-errors.js';
import { data, text } from '../page/page-data.js';
import { showCitizenPresence } from '../staff/citizen-presence.js';
import { Timeline } from './timeline.js';

/** @typedef {import('../chat/types').AgentClientEventMap} ClientMap */
/** @typedef {import('../chat/types').AgentServerEventMap} ServerMap */
/** @typedef {import('../chat/types').ChatDto} ChatDto */

const chatId = /** @type {string} */ (data.chatId);
const MAX_LENGTH = data.maxLength || 4000;
const REFRESH_EVERY_MS = 30000;
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));

const ui = {
  notices: $('notices'),
  statusTag: $('chat-status-tag'),
  agent: $('chat-agent'),
  verified: $('chat-verified'),
  presence: $('chat-presence'),
  logStatus: $('chat-log-status'),
  noteForm: /** @type {HTMLFormElement} */ ($('note-form')),
  noteBody: /** @type {HTMLTextAreaElement} */ ($('note-body')),
  noteSubmit: $('note-submit'),
  refresh: $('timeline-refresh'),
};

/** @param {import('../chat/types').MessageDto} message */
const authorOf = (message) => message.authorName || text(`author.${message.author}`);
const messages = new MessageList($('chat-log'), { chatId, isMine: (m) => m.author === 'agent', authorOf, me: () => '', followMine: false });
let joined = false;

/** @param {import('../chat/types').MessageDto} message */
function addMessage(message) {
  if (messages.add(message)) ui.logStatus.hidden = true;
}

const timeline = new Timeline(chatId, { timeline: $('timeline'), status: $('timeline-status') }, authorOf, (ticket) => {
  ui.statusTag.textContent = text(`ticketStatus.${ticket.status}`);
  ui.agent.textContent = ticket.assignee ? ticket.assignee.displayName : text('supchat.noAgent');
  ui.verified.textContent = text(ticket.verified ? 'supchat.yes' : 'supchat.no');
  if (!joined) (ticket.messages || []).forEach(addMessage);
});

const transport = /** @type {Transport<ClientMap, ServerMap>} */ (
  new Transport('/agent', {
    onState: (kind) => showConnection($('conn-status'), $('conn-text'), kind),
    onRefused: (error) => {
      if (error?.message !== 'UNAUTHENTICATED') return false;
      window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
      return true;
    },
  })
);

/** @param {ChatDto} chat */
function showChat(chat) {
  ui.statusTag.textContent = text(`ticketStatus.${chat.status}`);
  if (chat.agentName) ui.agent.textContent = chat.agentName;
  ui.verified.textContent = text(chat.verified ? 'supchat.yes' : 'supchat.no');
  showCitizenPresence(ui.presence, { connected: chat.citizenConnected, leftAt: chat.citizenLeftAt });
}

async function join() {
  const ack = await transport.request('chat:join', { chatId, afterSeq: messages.lastSeq });
  if (!ack.ok) {
    ui.logStatus.hidden = false;
    ui.logStatus.textContent = text('supchat.joinFailed', { message: errorsFrom(ack.error)[0].message });
    return;
  }
  showChat(ack.chat);
  ack.messages.forEach(addMessage);
  if (messages.root.children.length === 0) {
    ui.logStatus.hidden = false;
    ui.logStatus.textContent = text('supchat.noMessages');
  }
}

ui.noteForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = ui.noteBody.value.trim();
  clearFieldErrors(ui.noteForm);
  if (!body || body.length > MAX_LENGTH) return setFieldError(ui.noteForm, 'body', text('supchat.error.note'))?.focus();
  setBusy(ui.noteSubmit, true);
  const ack = await transport.request('note:add', { chatId, body });
  setBusy(ui.noteSubmit, false);
  if (!ack.ok) {
    const message = ack.error.code === 'TIMEOUT' ? text('error.network') : errorsFrom(ack.error)[0].message;
    return setFieldError(ui.noteForm, 'body', text('supchat.noteFailed', { message }))?.focus();
  }
  ui.noteBody.value = '';
  notify(ui.notices, text('supchat.noteAdded'), 'success');
  timeline.schedule(0);
});

ui.refresh.addEventListener('click', async () => {
  setBusy(ui.refresh, true);
  await timeline.load(true);
  setBusy(ui.refresh, false);
});

transport.onConnect(() => {
  joined = true;
  void join();
  timeline.schedule();
});
transport.on('message:new', (message) => {
  if (message?.chatId !== chatId) return;
  addMessage(message);
  timeline.schedule();
});
transport.on('note:new', (note) => {
  if (note?.chatId === chatId) timeline.schedule();
});
transport.on('chat:ended', (payload) => {
  if (payload?.chatId !== chatId) return;
  ui.statusTag.textContent = text('ticketStatus.closed');
  showCitizenPresence(ui.presence, null);
  notify(ui.notices, text('supchat.ended'), 'info');
  timeline.schedule();
});
transport.on('chat:presence', (payload) => {
  if (payload?.chatId === chatId) showCitizenPresence(ui.presence, payload);
});
transport.on('board:updated', () => timeline.schedule());

void timeline.load(false);
setInterval(() => timeline.schedule(0), REFRESH_EVERY_MS);
