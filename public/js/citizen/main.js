// @ts-check
/**
 * The citizen's chat. What must survive a reload or a dropped connection (token, unsent messages)
 * is kept in sessionStorage; on every (re)connect the page resumes the chat and asks for what it
 * missed, and the message list keeps each message once, in seq order.
 */
import { Desk, data, text } from '../chat/desk.js';
import { MessageList, enterSubmits, ownTyping, showConnection, theirTyping } from '../chat/components.js';
import { uuid } from '../chat/format.js';
import { Outbox } from '../chat/outbox.js';
import { Transport } from '../chat/transport.js';
import { wireEnded } from './ended.js';
import { wireContactBack } from './contact-back.js';
import { startErrors, switchToClosed, valuesOf, wireContactForm } from './forms.js';
import { waitText } from './status.js';
import * as store from './store.js';
import { $, ui } from './elements.js';

/** @typedef {import('../chat/types').CitizenClientEventMap} ClientMap */
/** @typedef {import('../chat/types').CitizenServerEventMap} ServerMap */
/** @typedef {import('../chat/types').ChatDto} ChatDto */
/** @typedef {import('./forms.js').FormValues} FormValues */

const MAX_LENGTH = data.maxLength || 4000;
const state = {
  /** @type {string | null} */ token: null,
  /** @type {string | null} */ chatId: null,
  /** @type {string | null} */ reference: null,
  /** @type {'queued' | 'active' | 'ended' | null} */ status: null,
  /** @type {string | null} */ endedBy: null,
  rated: false,
};
/** @type {Transport<ClientMap, ServerMap> | null} */
let transport = null;

const messages = new MessageList($('chat-log'), {
  isMine: (m) => m.author === 'citizen',
  authorOf: (m) => (m.author === 'citizen' ? text('author.you') : m.author === 'agent' ? m.authorName || text('author.agent') : text('author.system')),
  me: () => text('author.you'),
});
const outbox = new Outbox({
  newId: uuid,
  canSend: () => Boolean(transport?.connected && state.token && state.status !== 'ended'),
  send: (pending) => /** @type {Transport<ClientMap, ServerMap>} */ (transport).request('message:send', pending),
  onStored: (message) => addMessage(message),
  onFailed: (pending, error) => messages.failPending(pending, Desk.errorsFrom(error)[0].message),
  onChange: save,
});
const typing = theirTyping($('typing'));
const ours = ownTyping(
  (on) => transport?.send('typing', { typing: on }),
  () => Boolean(transport?.connected && state.status !== 'ended'),
);
const ended = wireEnded(
  { section: ui.endedSection, heading: $('ended-heading'), by: $('ended-by'), transcriptError: $('transcript-error'), rating: $('rating'), ratingForm: $('rating-form'), ratingErrors: $('rating-errors'), ratingSubmit: $('rating-submit'), ratingThanks: $('rating-thanks') },
  {
    chat: () => state,
    rate: (payload) => (transport?.connected ? transport.request('chat:rate', payload) : null),
    rated: () => {
      state.rated = true;
      save();
    },
  },
);
const contactBack = wireContactBack((payload) => (transport?.connected ? transport.request('ticket:contact', payload) : null));

function save() {
  if (!state.token) return;
  const { token, chatId, reference, endedBy, rated } = state;
  store.save({ token, chatId, reference, lastSeq: messages.lastSeq, endedBy, rated, pending: outbox.queue });
}

/** @param {import('../chat/types').MessageDto} message */
function addMessage(message) {
  if (message?.clientId) outbox.settle(message.clientId);
  if (messages.add(message)) save();
}

/* ----- what the page shows ----- */

function showChatView() {
  if (ui.startSection) ui.startSection.hidden = true;
  ui.contactSection.hidden = true;
  if (ui.justClosed) ui.justClosed.hidden = true;
  ui.chatSection.hidden = false;
  ui.showContact?.setAttribute('aria-expanded', 'false');
}

/** @param {string | null | undefined} reference */
function setReference(reference) {
  state.reference = reference || state.reference;
  if (state.reference) ui.chatReference.textContent = text('chat.reference', { reference: state.reference });
}

/** @param {number} position @param {number} estimatedWaitSeconds */
function showQueued(position, estimatedWaitSeconds) {
  if (state.status === 'ended') return;
  state.status = 'queued';
  ui.agentInfo.hidden = true;
  ui.queuePosition.textContent = position > 0 ? text('queue.position', { position }) : text('chat.waiting');
  ui.queueWait.textContent = position > 0 ? waitText(estimatedWaitSeconds) : '';
  ui.queueInfo.hidden = false;
}

/** @param {string | undefined} agentName */
function showAssigned(agentName) {
  if (state.status === 'ended') return;
  state.status = 'active';
  ui.queueInfo.hidden = true;
  if (!agentName) return;
  ui.agentInfo.textContent = text('chat.assigned', { agent: agentName });
  ui.agentInfo.hidden = false;
}

/** @param {string | null} by @param {boolean} moveFocus */
function showEnded(by, moveFocus) {
  const first = state.status !== 'ended';
  state.status = 'ended';
  if (by) state.endedBy = by;
  ours.stopped();
  typing.show(false);
  ui.queueInfo.hidden = true;
  ui.composer.hidden = true;
  // Unsent messages can no longer be delivered.
  outbox.failAll({ code: 'CLOSED', message: text('ended.heading') });
  save();
  ended.show({ endedBy: state.endedBy, rated: state.rated, moveFocus: first && moveFocus });
}

/** @param {ChatDto} chat */
function applyChat(chat) {
  state.chatId = chat.id;
  messages.setChat(chat.id);
  setReference(chat.reference);
  if (typeof chat.rated === 'boolean') state.rated = chat.rated;
  if (chat.status === 'queued') {
    if (state.status !== 'queued') showQueued(0, 0);
  } else if (chat.status === 'active') {
    showAssigned(chat.agentName);
  } else {
    // Only a chat that ended as a chat can be rated; one turned into a ticket at closing time cannot.
    if (chat.status !== 'closed') state.rated = true;
    showEnded(state.endedBy, false);
  }
  contactBack.show(chat);
  save();
}

/* ----- the connection ----- */

function connect() {
  if (transport) return transport;
  const socket = /** @type {Transport<ClientMap, ServerMap>} */ (new Transport('/citizen', { auth: state.token ? { token: state.token } : {}, onState: (kind) => showConnection(ui.conn, ui.connText, kind) }));
  transport = socket;
  socket.onConnect(() => {
    if (state.token) void resume();
  });
  socket.on('chat:queued', (p) => showQueued(p.position, p.estimatedWaitSeconds));
  socket.on('chat:assigned', (p) => showAssigned(p.agentName));
  socket.on('message:new', addMessage);
  socket.on('typing', (p) => typing.show(Boolean(p?.typing) && state.status !== 'ended'));
  socket.on('chat:ended', (p) => {
    // A chat that goes on as a ticket has not ended as a chat: nothing to rate.
    if (p?.outcome === 'ticket') state.rated = true;
    showEnded(p?.by || 'system', true);
    // Turned into a ticket (at closing time, or by the agent): the fresh state tells whether to ask how to answer.
    if (p?.by === 'system' || p?.outcome === 'ticket') void resume().then(() => contactBack.focus());
  });
  return socket;
}

async function resume() {
  const socket = transport;
  if (!socket || !state.token) return;
  const ack = await socket.request('chat:resume', { token: state.token, afterSeq: messages.lastSeq });
  if (!ack.ok) {
    if (ack.error.code === 'TIMEOUT') {
      if (socket.connected) setTimeout(resume, 3000);
    } else if (['UNAUTHENTICATED', 'NOT_FOUND', 'VALIDATION'].includes(ack.error.code)) {
      lostChat();
    }
    return;
  }
  applyChat(ack.chat);
  ack.messages.forEach(addMessage);
  if (ack.chat.status === 'queued') showQueued(ack.position || 0, ack.estimatedWaitSeconds || 0);
  outbox.flush();
}

function lostChat() {
  store.forget();
  transport?.disconnect();
  transport = null;
  state.token = null;
  ui.chatSection.hidden = true;
  ui.endedSection.hidden = true;
  if (ui.startSection) ui.startSection.hidden = false;
  else ui.contactSection.hidden = false;
  if (ui.startForm) Desk.reportErrors(ui.startForm, ui.startErrors, [{ message: text('error.sessionLost') }]);
}

/* ----- starting ----- */

/** @param {SubmitEvent} event */
async function onStart(event) {
  event.preventDefault();
  const form = /** @type {HTMLFormElement} */ (ui.startForm);
  const values = valuesOf(form, ['topic', 'message', 'name', 'nationalId']);
  Desk.clearFieldErrors(form);
  Desk.hideSummary(ui.startErrors);
  const errors = startErrors(values);
  if (errors.length) return Desk.reportErrors(form, ui.startErrors, errors);
  /** @type {import('../chat/types').PayloadOf<ClientMap, 'chat:start'>} */
  const payload = { topic: /** @type {any} */ (values.topic), message: values.message, language: /** @type {any} */ (data.lang) };
  if (values.name) payload.name = values.name;
  if (values.nationalId) payload.nationalId = values.nationalId;

  startBusy(true);
  const socket = connect();
  const ack = await socket.whenConnected().then(
    () => socket.request('chat:start', payload),
    () => null,
  );
  startBusy(false);
  if (!ack || (!ack.ok && ack.error.code === 'TIMEOUT')) return Desk.reportErrors(form, ui.startErrors, [{ message: text('error.network') }]);
  if (!ack.ok) return ack.error.code === 'CLOSED' ? switchToClosed(values) : Desk.reportErrors(form, ui.startErrors, Desk.errorsInPageLanguage(ack.error));
  state.token = ack.token;
  state.chatId = ack.chat.id;
  messages.setChat(ack.chat.id);
  state.status = null;
  socket.setAuth({ token: ack.token });
  setReference(ack.chat.reference);
  save();
  showChatView();
  showQueued(ack.position || 0, ack.estimatedWaitSeconds || 0);
  // The first message was stored with the chat; fetch it (and anything since) in order.
  void resume();
  form.reset();
  ui.composerInput.focus();
}

/** @param {boolean} busy */
function startBusy(busy) {
  Desk.setBusy(ui.startSubmit, busy);
  ui.startBusy.textContent = busy ? text('start.starting') : '';
}

/* ----- chatting ----- */

ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const body = ui.composerInput.value.trim();
  Desk.clearFieldErrors(ui.composer);
  if (!body || body.length > MAX_LENGTH) return Desk.setFieldError(ui.composer, 'body', text('error.field.body'))?.focus();
  ui.composerInput.value = '';
  ours.stopped();
  messages.addPending(outbox.add(body));
  ui.composerInput.focus();
});
enterSubmits(ui.composerInput, ui.composer);
ui.composerInput.addEventListener('input', () => ours.now());
ui.composerInput.addEventListener('blur', () => ours.stopped());

ui.endChat.addEventListener('click', async () => {
  if (state.status === 'ended' || !window.confirm(text('chat.endConfirm'))) return;
  if (!transport?.connected) return;
  Desk.setBusy(ui.endChat, true);
  const ack = await transport.request('chat:end', {});
  Desk.setBusy(ui.endChat, false);
  if (ack.ok) showEnded('citizen', true);
});

$('new-chat').addEventListener('click', () => {
  store.forget();
  window.location.assign(window.location.pathname + (data.embed ? window.location.search : ''));
});

ui.startForm?.addEventListener('submit', onStart);
ui.showContact?.addEventListener('click', () => {
  const open = ui.contactSection.hidden;
  ui.contactSection.hidden = !open;
  ui.showContact.setAttribute('aria-expanded', String(open));
  if (open) ui.contactHeading.focus();
});
wireContactForm({ form: ui.contactForm, errors: $('contact-errors'), submit: $('contact-submit'), busy: $('contact-busy'), sent: $('contact-sent'), sentText: $('contact-sent-text') });

// A chat from earlier in this tab (reload, or back from another page): pick it up again.
const saved = store.load();
if (saved) {
  state.token = saved.token;
  state.chatId = saved.chatId || null;
  state.endedBy = saved.endedBy || null;
  state.rated = Boolean(saved.rated);
  if (state.chatId) messages.setChat(state.chatId);
  setReference(saved.reference);
  showChatView();
  outbox.restore(saved.pending || []);
  outbox.queue.forEach((pending) => messages.addPending(pending));
  connect();
}
