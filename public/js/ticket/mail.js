// @ts-check
/*
 * E-mail on a ticket page: loads the thread (GET /api/tickets/:id/mail) into the message list,
 * follows queued mails until they leave, answers (POST …/mail) with the ready-made replies at hand,
 * sends the one-click referral (POST …/mail/referral) and queues a failed mail again (…/retry).
 * Without an address or a mail set-up it says why instead of offering the reply box.
 */
import { uuid } from '../chat/format.js';
import { byId, el, notify as notifyIn, setBusy } from '../page/dom.js';
import { clearFieldErrors, errorsFrom, firstError, reportErrors, setFieldError } from '../page/form-errors.js';
import { request } from '../page/http.js';
import { data, text } from '../page/page-data.js';
import { attachReplies } from '../staff/reply-picker.js';
import * as View from './mail-view.js';

/** @typedef {import('../page/types').MailDto} MailDto */
/** @typedef {import('../page/types').TicketMailDto} TicketMailDto */
/** @typedef {import('../page/types').SentMailDto} SentMailDto */

const mailUrl = `/api/tickets/${encodeURIComponent(data.ticketId)}/mail`;
const POLL_MS = 4000;
const MAX_POLLS = 45;
/** @type {Record<string, string>} */
const PROVIDERS = { digipost: 'Digipost', 'e-boks': 'e-Boks' };

const list = byId('ticket-messages');
const noMessages = byId('ticket-no-messages');
const status = byId('mail-status');
const reply = byId('mail-reply');
const replyTo = byId('mail-reply-to');
const form = byId('mail-form');
const body = byId('mail-body');
const submit = byId('mail-submit');
const notices = byId('notices');
/** @type {ReturnType<typeof setTimeout> | undefined} */
let pollTimer;
let polls = 0;

/** @param {string} message @param {string} color */
const notify = (message, color) => notifyIn(notices, message, color);

/** @param {MailDto} mail @param {HTMLElement} button */
async function retry(mail, button) {
  // Taken now: the refresh below replaces the button and its mail part.
  const item = /** @type {HTMLElement | null} */ (button.closest('li'));
  setBusy(button, true);
  const result = await request('POST', `${mailUrl}/${encodeURIComponent(mail.id)}/retry`);
  setBusy(button, false);
  if (!result.ok) return notify(text('agent.failed', { message: firstError(result) }), 'danger');
  notify(text('mail.retried'), 'success');
  load(() => {
    // The button is gone with the failed state: focus goes to the mail's new state line.
    let line = item && item.isConnected ? item.querySelector('[data-role="mail-state"]') : null;
    if (!line && item && item.dataset.messageId) line = list.querySelector(`li[data-message-id="${item.dataset.messageId}"] [data-role="mail-state"]`);
    if (!line && item && item.dataset.mailId) line = list.querySelector(`li[data-mail-id="${item.dataset.mailId}"] [data-role="mail-state"]`);
    if (line) /** @type {HTMLElement} */ (line).focus();
  });
}

/** @param {TicketMailDto} thread */
function showReplyBox(thread) {
  if (thread.canReply) {
    status.hidden = true;
    replyTo.textContent = text('mail.reply.to', { address: thread.replyTo || '' });
    if (thread.outbound === 'dev-mailbox') {
      replyTo.appendChild(document.createTextNode(` ${text('mail.devMailbox')} `));
      replyTo.appendChild(el('a', { className: 'ds-link', href: '/dev/mail' }, [text('nav.devMail')]));
    }
    reply.hidden = false;
  } else {
    reply.hidden = true;
    status.hidden = false;
    status.textContent = text(thread.replyTo ? 'mail.cannot.notConfigured' : 'mail.cannot.noAddress');
  }
}

/** @param {TicketMailDto} thread */
function schedule(thread) {
  clearTimeout(pollTimer);
  if (!View.hasPending(thread)) {
    polls = 0;
    return;
  }
  if (polls >= MAX_POLLS) return;
  polls += 1;
  pollTimer = setTimeout(() => load(), POLL_MS);
}

/** @param {(thread: TicketMailDto) => void} [then] */
async function load(then) {
  const result = await request('GET', mailUrl);
  if (!result.ok || !result.body || !Array.isArray(result.body.mails)) {
    status.hidden = false;
    status.textContent = text('mail.loadFailed', { message: firstError(result) });
    return;
  }
  /** @type {TicketMailDto} */
  const thread = result.body;
  View.render(list, data.ticketId, thread, retry);
  if (noMessages) noMessages.hidden = !list.hidden;
  showReplyBox(thread);
  schedule(thread);
  if (then) then(thread);
}

/**
 * A message the server stored just now, with the mail that carries it.
 * @param {SentMailDto['message'] | undefined} message
 */
function appendSent(message) {
  if (message && !list.querySelector(`li[data-message-id="${message.id}"]`)) list.appendChild(View.messageItem(message));
  list.hidden = false;
  if (noMessages) noMessages.hidden = true;
  polls = 0;
  load();
}

form.addEventListener('submit', async (/** @type {SubmitEvent} */ event) => {
  event.preventDefault();
  const value = body.value.trim();
  clearFieldErrors(form);
  if (!value || value.length > 4000) {
    setFieldError(form, 'body', text('error.field.body'))?.focus();
    return;
  }
  setBusy(submit, true);
  const result = await request('POST', mailUrl, { body: value, clientId: uuid() });
  setBusy(submit, false);
  if (!result.ok) return reportErrors(form, null, errorsFrom(result.body && result.body.error));
  body.value = '';
  appendSent(result.body && result.body.message);
  notify(text('mail.reply.sent'), 'success');
  body.focus();
});

for (const button of reply.querySelectorAll('[data-mail-refer]')) {
  button.addEventListener('click', async () => {
    const provider = button.getAttribute('data-mail-refer') || '';
    setBusy(button, true);
    const result = await request('POST', `${mailUrl}/referral`, { provider });
    setBusy(button, false);
    if (!result.ok) return notify(text('agent.failed', { message: firstError(result) }), 'danger');
    appendSent(result.body && result.body.message);
    notify(text('mail.referral.sent', { provider: PROVIDERS[provider] }), 'success');
    button.focus();
  });
}

byId('mail-replies').appendChild(attachReplies({ textarea: body, idPrefix: 'mail', language: data.language, topic: data.topic }));
load();
