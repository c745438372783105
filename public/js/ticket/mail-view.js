/*
 * The e-mail thread of a ticket drawn into its message list: under each message the mail that
 * carried it (from whom, or to whom with its state: queued, sent, failed with the server's reason
 * and a "send again" button) and its attachments as download links; acknowledgements as a small
 * line at their place in time. Mail content is only ever set as text, never parsed as HTML.
 */
import { Desk as D } from '../chat/desk.js';
import { formatDateTime } from '../staff/citizen-panel.js';

var text = D.text;
var el = D.el;
var PENDING = { queued: true, sending: true };

var dateTime = formatDateTime;

function sizeText(bytes) {
  if (bytes < 1024) return text('mail.size.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return text('mail.size.kb', { n: Math.round(bytes / 1024) });
  return text('mail.size.mb', { n: (bytes / (1024 * 1024)).toFixed(1) });
}

function statusText(mail) {
  return mail.status === 'sent' && mail.sentAt ? text('mail.sentAt', { time: dateTime(mail.sentAt) }) : text('mail.status.' + mail.status);
}

/** "E-mail to x: Not sent", the reason, and the button that queues it again. */
function outboundBlock(mail, onRetry) {
  var line = text(mail.kind === 'ack' ? 'mail.ackLine' : 'mail.outLine', { to: mail.to, status: statusText(mail) });
  var children = [el('p', { className: 'msg__mail-state', tabindex: '-1', dataset: { role: 'mail-state', status: mail.status } }, [line])];
  if (mail.status === 'failed') {
    if (mail.lastError) children.push(el('p', { className: 'msg__mail-reason', dataset: { role: 'mail-reason' } }, [text('mail.reason', { reason: mail.lastError })]));
    var retry = el('button', { type: 'button', className: 'ds-button', 'data-variant': 'secondary', 'data-size': 'sm', dataset: { role: 'mail-retry' } }, [text('mail.retry')]);
    retry.addEventListener('click', function () { onRetry(mail, retry); });
    children.push(el('div', { className: 'button-row' }, [retry]));
  }
  return children;
}

function attachmentList(ticketId, attachments) {
  if (attachments.length === 0) return null;
  var base = '/api/tickets/' + encodeURIComponent(ticketId) + '/attachments/';
  return el('div', { className: 'msg__attachments' }, [
    el('p', { className: 'msg__attachments-title' }, [text('mail.attachments')]),
    el('ul', null, attachments.map(function (attachment) {
      return el('li', null, [
        el('a', { className: 'ds-link', href: base + encodeURIComponent(attachment.id), download: attachment.filename }, [attachment.filename]),
        ' (' + sizeText(attachment.size) + ')',
      ]);
    })),
  ]);
}

/** What a mail part shows: an unchanged part is left alone, so focus in it survives a refresh. */
function signature(mails, attachments) {
  return JSON.stringify([
    mails.map(function (m) { return [m.id, m.status, m.attempts, m.lastError || '', m.sentAt || '']; }),
    attachments.map(function (a) { return a.id; }),
  ]);
}

/** The mail part of one message, or null when no mail carried it. */
function mailPart(ticketId, mails, attachments, onRetry) {
  var children = [];
  mails.forEach(function (mail) {
    if (mail.direction === 'in') children.push(el('p', { className: 'msg__mail-state' }, [text('mail.inLine', { from: mail.from })]));
    else children = children.concat(outboundBlock(mail, onRetry));
  });
  var files = attachmentList(ticketId, attachments);
  if (files) children.push(files);
  return children.length ? el('div', { className: 'msg__mail', dataset: { role: 'mail', signature: signature(mails, attachments) } }, children) : null;
}

/** A message as the server renders it in views/agent/ticket.hbs (agent's own replies appended here). */
export function messageItem(message) {
  var side = message.author === 'agent' ? 'msg--mine' : message.author === 'system' ? 'msg--system' : 'msg--theirs';
  return el('li', { className: 'msg ' + side + (message.kind === 'referral' ? ' msg--referral' : ''), dataset: { messageId: message.id } }, [
    el('p', { className: 'msg__meta' }, [
      el('span', { className: 'msg__author' }, [message.authorName || text('author.' + message.author)]),
      ' ',
      el('time', { datetime: message.createdAt }, [dateTime(message.createdAt)]),
    ]),
    el('p', { className: 'msg__body' }, [message.body]),
  ]);
}

/** Where a line stamped `iso` belongs: before the first item that came later. */
function insertInTime(list, node, iso) {
  var at = Date.parse(iso);
  var items = list.querySelectorAll(':scope > li');
  for (var i = 0; i < items.length; i += 1) {
    var time = items[i].querySelector('time');
    if (time && Date.parse(time.getAttribute('datetime')) > at) return list.insertBefore(node, items[i]);
  }
  return list.appendChild(node);
}

function ackItem(ticketId, mail, onRetry) {
  return el('li', { className: 'msg msg--system msg--ack', dataset: { mailId: mail.id } }, [
    el('p', { className: 'msg__meta' }, [el('span', { className: 'msg__author' }, [text('mail.kind.ack')]), ' ', el('time', { datetime: mail.createdAt }, [dateTime(mail.createdAt)])]),
    mailPart(ticketId, [mail], [], onRetry),
  ]);
}

function holdsFocus(node) {
  return Boolean(node) && node.contains(document.activeElement);
}

/** A state that changed under the keyboard's focus keeps it: on the new retry button or state line. */
function refocus(node) {
  var target = node && (node.querySelector('[data-role="mail-retry"]') || node.querySelector('[data-role="mail-state"]'));
  if (target) target.focus();
}

/**
 * Draws `thread` (the answer of GET /api/tickets/:id/mail) into the list. Safe to call again
 * with a newer answer: every mail part and acknowledgement line is replaced, not added twice.
 */
export function render(list, ticketId, thread, onRetry) {
  var byMessage = {};
  var filesByMessage = {};
  thread.mails.forEach(function (mail) {
    if (!mail.messageId) return;
    (byMessage[mail.messageId] = byMessage[mail.messageId] || []).push(mail);
  });
  thread.attachments.forEach(function (attachment) {
    (filesByMessage[attachment.messageId] = filesByMessage[attachment.messageId] || []).push(attachment);
  });
  list.querySelectorAll('li[data-message-id]').forEach(function (item) {
    var id = item.dataset.messageId;
    var mails = byMessage[id] || [];
    var files = filesByMessage[id] || [];
    var old = item.querySelector('[data-role="mail"]');
    if (old && old.dataset.signature === signature(mails, files)) return;
    var focused = holdsFocus(old);
    if (old) old.remove();
    var part = mailPart(ticketId, mails, files, onRetry);
    if (part) item.appendChild(part);
    if (focused) refocus(part);
  });
  thread.mails.forEach(function (mail) {
    if (mail.messageId && list.querySelector('li[data-message-id="' + mail.messageId + '"]')) return;
    if (mail.direction === 'in') return;
    var existing = list.querySelector('li[data-mail-id="' + mail.id + '"]');
    var part = existing && existing.querySelector('[data-role="mail"]');
    if (part && part.dataset.signature === signature([mail], [])) return;
    var focused = holdsFocus(existing);
    var item = ackItem(ticketId, mail, onRetry);
    if (existing) list.replaceChild(item, existing);
    else insertInTime(list, item, mail.createdAt);
    if (focused) refocus(item);
  });
  list.hidden = list.children.length === 0;
}

export function hasPending(thread) {
  return thread.mails.some(function (mail) { return PENDING[mail.status]; });
}
