// @ts-check
/**
 * The chat's rendering, the same on every page: a message bubble, the "sending…" bubble and the
 * list that keeps bubbles in seq order with the unsent ones last.
 */
import { Desk, el, text } from './desk.js';
import { linkified } from './format.js';
import { MessageLog } from './message-log.js';

/** @typedef {import('./types').MessageDto} MessageDto */
/** @typedef {import('./outbox.js').Pending} Pending */

/**
 * @param {MessageDto} message
 * @param {{ mine: boolean, author: string }} how
 */
export function messageBubble(message, how) {
  const side = how.mine ? 'msg--mine' : message.author === 'system' ? 'msg--system' : 'msg--theirs';
  const classes = ['msg', side, message.kind === 'referral' ? 'msg--referral' : ''].filter(Boolean);
  return el('div', { className: classes.join(' '), dataset: { seq: message.seq } }, [
    el('p', { className: 'msg__meta' }, [el('span', { className: 'msg__author' }, [how.author]), el('time', { datetime: message.createdAt }, [Desk.formatTime(message.createdAt)])]),
    message.kind === 'referral' ? el('p', { className: 'msg__title' }, [text('chat.referral')]) : null,
    el('p', { className: 'msg__body' }, [linkified(message.body)]),
  ]);
}

/**
 * For the eyes only: the stored message that replaces it is what the log announces, so a screen
 * reader hears one's own message once, not twice.
 * @param {Pending} pending
 * @param {string} author
 */
export function sendingBubble(pending, author) {
  return el('div', { className: 'msg msg--mine msg--pending', dataset: { pending: pending.clientId }, 'aria-hidden': 'true' }, [
    el('p', { className: 'msg__meta' }, [el('span', { className: 'msg__author' }, [author]), el('span', { className: 'msg__status' }, [text('chat.sending')])]),
    el('p', { className: 'msg__body' }, [pending.body]),
  ]);
}

/** A log element (role="log") showing one chat's messages. */
export class MessageList {
  /**
   * @param {HTMLElement} root
   * @param {{ chatId?: string | null, isMine: (m: MessageDto) => boolean, authorOf: (m: MessageDto) => string, me: () => string, followMine?: boolean }} options
   *   followMine (default true): one's own new message scrolls the log to the end, wherever it was
   */
  constructor(root, options) {
    this.root = root;
    this.options = options;
    this.log = new MessageLog(options.chatId ?? null);
  }

  get lastSeq() {
    return this.log.lastSeq;
  }

  /** @param {string} chatId */
  setChat(chatId) {
    this.log.chatId = chatId;
  }

  nearBottom() {
    return this.root.scrollHeight - this.root.scrollTop - this.root.clientHeight < 80;
  }

  /** @param {boolean} force */
  scrollToEnd(force) {
    if (force || this.nearBottom()) this.root.scrollTop = this.root.scrollHeight;
  }

  /**
   * Shows a stored message once, at its place; a "sending…" bubble with its clientId goes away.
   * Returns true when it was new.
   * @param {MessageDto} message
   */
  add(message) {
    const stick = this.nearBottom();
    if (message?.clientId) this.removePending(message.clientId);
    const before = this.log.add(message);
    if (before === undefined) return false;
    const next = before === null ? this.root.querySelector('[data-pending]') : this.root.querySelector(`[data-seq="${before}"]`);
    const mine = this.options.isMine(message);
    this.root.insertBefore(messageBubble(message, { mine, author: this.options.authorOf(message) }), next);
    this.scrollToEnd(stick || (mine && this.options.followMine !== false));
    return true;
  }

  /** @param {Pending} pending */
  addPending(pending) {
    this.root.appendChild(sendingBubble(pending, this.options.me()));
    this.scrollToEnd(true);
  }

  /** @param {string} clientId */
  removePending(clientId) {
    this.root.querySelector(`[data-pending="${CSS.escape(clientId)}"]`)?.remove();
  }

  /**
   * Not sent, for good: now it says why, and that must be heard.
   * @param {Pending} pending
   * @param {string} reason
   */
  failPending(pending, reason) {
    const node = this.root.querySelector(`[data-pending="${CSS.escape(pending.clientId)}"]`);
    if (!node) return;
    node.classList.add('msg--failed');
    const status = node.querySelector('.msg__status');
    if (status) status.textContent = text('error.notSent', { reason });
    node.removeAttribute('data-pending');
    node.removeAttribute('aria-hidden');
  }
}

/**
 * The connection line of a chat page (connecting, connected, reconnecting).
 * @param {HTMLElement | null} conn
 * @param {HTMLElement} label
 * @param {import('../chat/transport.js').ConnectionState} kind
 */
export function showConnection(conn, label, kind) {
  if (!conn) return;
  conn.dataset.state = kind;
  label.textContent = text(`conn.${kind}`);
}

/**
 * The other side's "is typing": shown while they type, hidden on their message, and after 8 s
 * whatever happens (a lost "stopped typing" must not leave it on).
 * @param {HTMLElement} node
 */
export function theirTyping(node) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  return {
    /** @param {boolean} typing */
    show(typing) {
      clearTimeout(timer);
      node.hidden = !typing;
      if (typing) timer = setTimeout(() => (node.hidden = true), 8000);
    },
  };
}

export const TYPING_IDLE_MS = 2500;

/**
 * Our own typing: `typing: true` once when we start, `false` after a pause or on send.
 * @param {(typing: boolean) => void} send
 * @param {() => boolean} allowed
 */
export function ownTyping(send, allowed) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let sent = false;
  const stopped = () => {
    clearTimeout(timer);
    if (sent) send(false);
    sent = false;
  };
  return {
    stopped,
    now() {
      if (!allowed()) return;
      if (!sent) send(true);
      sent = true;
      clearTimeout(timer);
      timer = setTimeout(stopped, TYPING_IDLE_MS);
    },
  };
}

/**
 * Enter sends, Shift+Enter is a new line.
 * @param {HTMLTextAreaElement} textarea
 * @param {HTMLFormElement} form
 */
export function enterSubmits(textarea, form) {
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}
