/*
 * E-mail on a ticket page: loads the thread (GET /api/tickets/:id/mail) into the message list,
 * follows queued mails until they leave, answers (POST …/mail) with the ready-made replies at hand,
 * sends the one-click referral (POST …/mail/referral) and queues a failed mail again (…/retry).
 * Without an address or a mail set-up it says why instead of offering the reply box.
 */
import { Desk as D } from '../chat/desk.js';
import { uuid } from '../chat/format.js';
import { attachReplies } from '../staff/reply-picker.js';
import * as View from './mail-view.js';

var text = D.text;
var el = D.el;
var data = D.data;
var mailUrl = '/api/tickets/' + encodeURIComponent(data.ticketId) + '/mail';
var POLL_MS = 4000;
var MAX_POLLS = 45;
var PROVIDERS = { digipost: 'Digipost', 'e-boks': 'e-Boks' };

var list = document.getElementById('ticket-messages');
var noMessages = document.getElementById('ticket-no-messages');
var status = document.getElementById('mail-status');
var reply = document.getElementById('mail-reply');
var replyTo = document.getElementById('mail-reply-to');
var form = document.getElementById('mail-form');
var body = document.getElementById('mail-body');
var submit = document.getElementById('mail-submit');
var notices = document.getElementById('notices');
var pollTimer = null;
var polls = 0;

function notify(message, color) {
  D.notify(notices, message, color);
}

function failure(result) {
  return D.errorsFrom(result.body && result.body.error)[0].message;
}

function retry(mail, button) {
  // Taken now: the refresh below replaces the button and its mail part.
  var item = button.closest('li');
  D.setBusy(button, true);
  D.request('POST', mailUrl + '/' + encodeURIComponent(mail.id) + '/retry').then(function (result) {
    D.setBusy(button, false);
    if (!result.ok) return notify(text('agent.failed', { message: failure(result) }), 'danger');
    notify(text('mail.retried'), 'success');
    load(function () {
      // The button is gone with the failed state: focus goes to the mail's new state line.
      var line = item && item.isConnected ? item.querySelector('[data-role="mail-state"]') : null;
      if (!line && item && item.dataset.messageId) line = list.querySelector('li[data-message-id="' + item.dataset.messageId + '"] [data-role="mail-state"]');
      if (!line && item && item.dataset.mailId) line = list.querySelector('li[data-mail-id="' + item.dataset.mailId + '"] [data-role="mail-state"]');
      if (line) line.focus();
    });
  });
}

function showReplyBox(thread) {
  if (thread.canReply) {
    status.hidden = true;
    replyTo.textContent = text('mail.reply.to', { address: thread.replyTo || '' });
    if (thread.outbound === 'dev-mailbox') {
      replyTo.appendChild(document.createTextNode(' ' + text('mail.devMailbox') + ' '));
      replyTo.appendChild(el('a', { className: 'ds-link', href: '/dev/mail' }, [text('nav.devMail')]));
    }
    reply.hidden = false;
  } else {
    reply.hidden = true;
    status.hidden = false;
    status.textContent = text(thread.replyTo ? 'mail.cannot.notConfigured' : 'mail.cannot.noAddress');
  }
}

function schedule(thread) {
  clearTimeout(pollTimer);
  if (!View.hasPending(thread)) {
    polls = 0;
    return;
  }
  if (polls >= MAX_POLLS) return;
  polls += 1;
  pollTimer = setTimeout(function () { load(); }, POLL_MS);
}

function load(then) {
  D.request('GET', mailUrl).then(function (result) {
    if (!result.ok || !result.body || !Array.isArray(result.body.mails)) {
      status.hidden = false;
      status.textContent = text('mail.loadFailed', { message: failure(result) });
      return;
    }
    var thread = result.body;
    View.render(list, data.ticketId, thread, retry);
    if (noMessages) noMessages.hidden = !list.hidden;
    showReplyBox(thread);
    schedule(thread);
    if (then) then(thread);
  });
}

/** A message the server stored just now, with the mail that carries it. */
function appendSent(message) {
  if (message && !list.querySelector('li[data-message-id="' + message.id + '"]')) list.appendChild(View.messageItem(message));
  list.hidden = false;
  if (noMessages) noMessages.hidden = true;
  polls = 0;
  load();
}

form.addEventListener('submit', function (event) {
  event.preventDefault();
  var value = body.value.trim();
  D.clearFieldErrors(form);
  if (!value || value.length > 4000) {
    var input = D.setFieldError(form, 'body', text('error.field.body'));
    if (input) input.focus();
    return;
  }
  D.setBusy(submit, true);
  D.request('POST', mailUrl, { body: value, clientId: uuid() }).then(function (result) {
    D.setBusy(submit, false);
    if (!result.ok) return D.reportErrors(form, null, D.errorsFrom(result.body && result.body.error));
    body.value = '';
    appendSent(result.body && result.body.message);
    notify(text('mail.reply.sent'), 'success');
    body.focus();
  });
});

reply.querySelectorAll('[data-mail-refer]').forEach(function (button) {
  button.addEventListener('click', function () {
    var provider = button.getAttribute('data-mail-refer');
    D.setBusy(button, true);
    D.request('POST', mailUrl + '/referral', { provider: provider }).then(function (result) {
      D.setBusy(button, false);
      if (!result.ok) return notify(text('agent.failed', { message: failure(result) }), 'danger');
      appendSent(result.body && result.body.message);
      notify(text('mail.referral.sent', { provider: PROVIDERS[provider] }), 'success');
      button.focus();
    });
  });
});

document.getElementById('mail-replies').appendChild(
  attachReplies({ textarea: body, idPrefix: 'mail', language: data.language, topic: data.topic }),
);
load();
