// @ts-check
/*
 * The e-mail thread of a ticket drawn into its message list: under each message the mail that
 * carried it (from whom, or to whom with its state: queued, sent, failed with the server's reason
 * and a "send again" button) and its attachments as download links; acknowledgements as a small
 * line at their place in time. Mail content is only ever set as text, never parsed as HTML.
 */
import { el } from '../page/dom.js';
import { formatDateTime as dateTime } from '../page/format.js';
import { text } from '../page/page-data.js';

/** @typedef {import('../page/types').MailDto} MailDto */
/** @typedef {import('../page/types').AttachmentDto} AttachmentDto */
/** @typedef {import('../page/types').TicketMailDto} TicketMailDto */
/** @typedef {import('../page/types').MessageDto} MessageDto */
/** @typedef {(mail: MailDto, button: HTMLElement) => void} OnRetry */

const PENDING = new Set(['queued', 'sending']);

/** @param {number} bytes */
function sizeText(bytes) {
  if (bytes < 1024) return text('mail.size.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return text('mail.size.kb', { n: Math.round(bytes / 1024) });
  return text('mail.size.mb', { n: (bytes / (1024 * 1024)).toFixed(1) });
}

/** @param {MailDto} mail */
function statusText(mail) {
  return mail.status === 'sent' && mail.sentAt ? text('mail.sentAt', { time: dateTime(mail.sentAt) }) : text(`mail.status.${mail.status}`);
}

/**
 * "E-mail to x: Not sent", the reason, and the button that queues it again.
 * @param {MailDto} mail
 * @param {OnRetry} onRetry
 */
function outboundBlock(mail, onRetry) {
  const line = text(mail.kind === 'ack' ? 'mail.ackLine' : 'mail.outLine', { to: mail.to, status: statusText(mail) });
  const children = [el('p', { className: 'msg__mail-state', tabindex: '-1', dataset: { role: 'mail-state', status: mail.status } }, [line])];
  if (mail.status === 'failed') {
    if (mail.lastError) children.push(el('p', { className: 'msg__mail-reason', dataset: { role: 'mail-reason' } }, [text('mail.reason', { reason: mail.lastError })]));
    const retry = el('button', { type: 'button', className: 'ds-button', 'data-variant': 'secondary', 'data-size': 'sm', dataset: { role: 'mail-retry' } }, [text('mail.retry')]);
    retry.addEventListener('click', () => onRetry(mail, retry));
    children.push(el('div', { className: 'button-row' }, [retry]));
  }
  return children;
}

/** @param {string} ticketId @param {AttachmentDto[]} attachments */
function attachmentList(ticketId, attachments) {
  if (attachments.length === 0) return null;
  const base = `/api/tickets/${encodeURIComponent(ticketId)}/attachments/`;
  return el('div', { className: 'msg__attachments' }, [
    el('p', { className: 'msg__attachments-title' }, [text('mail.attachments')]),
    el(
      'ul',
      null,
      attachments.map((attachment) =>
        el('li', null, [
          el('a', { className: 'ds-link', href: base + encodeURIComponent(attachment.id), download: attachment.filename }, [attachment.filename]),
          ` (${sizeText(attachment.size)})`,
        ]),
      ),
    ),
  ]);
}

/**
 * What a mail part shows: an unchanged part is left alone, so focus in it survives a refresh.
 * @param {MailDto[]} mails
 * @param {AttachmentDto[]} attachments
 */
function signature(mails, attachments) {
  return JSON.stringify([mails.map((m) => [m.id, m.status, m.attempts, m.lastError || '', m.sentAt || '']), attachments.map((a) => a.id)]);
}

/**
 * The mail part of one message, or null when no mail carried it.
 * @param {string} ticketId
 * @param {MailDto[]} mails
 * @param {AttachmentDto[]} attachments
 * @param {OnRetry} onRetry
 */
function mailPart(ticketId, mails, attachments, onRetry) {
  /** @type {HTMLElement[]} */
  let children = [];
  for (const mail of mails) {
    if (mail.direction === 'in') children.push(el('p', { className: 'msg__mail-state' }, [text('mail.inLine', { from: mail.from })]));
    else children = children.concat(outboundBlock(mail, onRetry));
  }
  const files = attachmentList(ticketId, attachments);
  if (files) children.push(files);
  return children.length ? el('div', { className: 'msg__mail', dataset: { role: 'mail', signature: signature(mails, attachments) } }, children) : null;
}

/**
 * A message as the server renders it in views/agent/ticket.hbs (agent's own replies appended here).
 * @param {MessageDto} message
 */
export function messageItem(message) {
  const side = message.author === 'agent' ? 'msg--mine' : message.author === 'system' ? 'msg--system' : 'msg--theirs';
  return el('li', { className: `msg ${side}${message.kind === 'referral' ? ' msg--referral' : ''}`, dataset: { messageId: message.id } }, [
    el('p', { className: 'msg__meta' }, [
      el('span', { className: 'msg__author' }, [message.authorName || text(`author.${message.author}`)]),
      ' ',
      el('time', { datetime: message.createdAt }, [dateTime(message.createdAt)]),
    ]),
    el('p', { className: 'msg__body' }, [message.body]),
  ]);
}

/**
 * Where a line stamped `iso` belongs: before the first item that came later.
 * @param {HTMLElement} list
 * @param {HTMLElement} node
 * @param {string} iso
 */
function insertInTime(list, node, iso) {
  const at = Date.parse(iso);
  for (const item of list.querySelectorAll(':scope > li')) {
    const time = item.querySelector('time');
    if (time && Date.parse(time.getAttribute('datetime') || '') > at) return list.insertBefore(node, item);
  }
  return list.appendChild(node);
}

/** @param {string} ticketId @param {MailDto} mail @param {OnRetry} onRetry */
function ackItem(ticketId, mail, onRetry) {
  return el('li', { className: 'msg msg--system msg--ack', dataset: { mailId: mail.id } }, [
    el('p', { className: 'msg__meta' }, [el('span', { className: 'msg__author' }, [text('mail.kind.ack')]), ' ', el('time', { datetime: mail.createdAt }, [dateTime(mail.createdAt)])]),
    mailPart(ticketId, [mail], [], onRetry),
  ]);
}

/** @param {Element | null} node */
const holdsFocus = (node) => Boolean(node) && /** @type {Element} */ (node).contains(document.activeElement);

/**
 * A state that changed under the keyboard's focus keeps it: on the new retry button or state line.
 * @param {Element | null} node
 */
function refocus(node) {
  const target = node && (node.querySelector('[data-role="mail-retry"]') || node.querySelector('[data-role="mail-state"]'));
  if (target) /** @type {HTMLElement} */ (target).focus();
}

/**
 * @template T
 * @param {T[]} items
 * @param {(item: T) => string | undefined} key
 */
function groupBy(items, key) {
  /** @type {Map<string, T[]>} */
  const groups = new Map();
  for (const item of items) {
    const id = key(item);
    if (id) groups.set(id, [...(groups.get(id) || []), item]);
  }
  return groups;
}

/**
 * Draws `thread` (the answer of GET /api/tickets/:id/mail) into the list. Safe to call again
 * with a newer answer: every mail part and acknowledgement line is replaced, not added twice.
 * @param {HTMLElement} list
 * @param {string} ticketId
 * @param {TicketMailDto} thread
 * @param {OnRetry} onRetry
 */
export function render(list, ticketId, thread, onRetry) {
  const byMessage = groupBy(thread.mails, (mail) => mail.messageId);
  const filesByMessage = groupBy(thread.attachments, (attachment) => attachment.messageId);
  for (const item of list.querySelectorAll('li[data-message-id]')) {
    const id = /** @type {HTMLElement} */ (item).dataset.messageId || '';
    const mails = byMessage.get(id) || [];
    const files = filesByMessage.get(id) || [];
    const old = /** @type {HTMLElement | null} */ (item.querySelector('[data-role="mail"]'));
    if (old && old.dataset.signature === signature(mails, files)) continue;
    const focused = holdsFocus(old);
    if (old) old.remove();
    const part = mailPart(ticketId, mails, files, onRetry);
    if (part) item.appendChild(part);
    if (focused) refocus(part);
  }
  for (const mail of thread.mails) {
    if (mail.messageId && list.querySelector(`li[data-message-id="${mail.messageId}"]`)) continue;
    if (mail.direction === 'in') continue;
    const existing = list.querySelector(`li[data-mail-id="${mail.id}"]`);
    const part = /** @type {HTMLElement | null} */ (existing && existing.querySelector('[data-role="mail"]'));
    if (part && part.dataset.signature === signature([mail], [])) continue;
    const focused = holdsFocus(existing);
    const item = ackItem(ticketId, mail, onRetry);
    if (existing) list.replaceChild(item, existing);
    else insertInTime(list, item, mail.createdAt);
    if (focused) refocus(item);
  }
  list.hidden = list.children.length === 0;
}

/** @param {TicketMailDto} thread */
export const hasPending = (thread) => thread.mails.some((mail) => PENDING.has(mail.status));
