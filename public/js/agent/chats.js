// @ts-check
/**
 * The agent's chats, one card each: opened on accept or join, re-joined with the last seq the
 * card has after every (re)connect, removed when transferred away or dismissed.
 */
import { text } from '../chat/desk.js';
import { request } from '../chat/http.js';
import { ChatView } from './chat-view.js';

/** @typedef {import('../chat/types').ChatDto} ChatDto */
/** @typedef {import('../chat/types').MessageDto} MessageDto */

export class Chats {
  /**
   * @param {{ columns: HTMLElement, heading: HTMLElement, none: HTMLElement, template: HTMLTemplateElement }} ui
   * @param {Omit<import('./chat-view.js').Console, 'remove' | 'isOpen'>} desk
   */
  constructor(ui, desk) {
    this.ui = ui;
    /** @type {Map<string, ChatView>} */
    this.views = new Map();
    /** @type {import('./chat-view.js').Console} */
    this.desk = { ...desk, remove: (chatId, reason) => this.remove(chatId, reason), isOpen: (chatId) => this.views.has(chatId) };
    ui.heading.setAttribute('tabindex', '-1');
    this.updateNone();
  }

  /** @param {string} chatId */
  get(chatId) {
    return this.views.get(chatId);
  }

  updateNone() {
    this.ui.none.hidden = this.views.size > 0;
  }

  /**
   * @param {ChatDto} chat
   * @param {MessageDto[]} messages
   * @param {unknown} citizen
   * @param {boolean} readOnly
   */
  open(chat, messages, citizen, readOnly) {
    if (!chat?.id) return null;
    if (chat.status === 'queued') {
      this.remove(chat.id, 'requeued');
      return null;
    }
    let view = this.views.get(chat.id);
    if (!view) {
      view = new ChatView(chat, this.ui.template, this.desk);
      this.views.set(chat.id, view);
      this.ui.columns.appendChild(view.root);
      void loadDetails(view);
      void view.loadEarlierContacts();
    } else {
      view.update(chat);
    }
    if (citizen) view.setCitizen(citizen);
    else if (!view.panel.citizen) void view.loadCitizen();
    for (const message of messages) view.addMessage(message);
    if (chat.status !== 'active') view.markEnded(null);
    else view.setReadOnly(readOnly);
    this.updateNone();
    view.outbox.flush();
    return view;
  }

  /** @param {string} chatId @param {boolean} announce */
  async join(chatId, announce) {
    const known = this.views.get(chatId);
    const ack = await this.desk.transport.request('chat:join', { chatId, afterSeq: known ? known.lastSeq : 0 });
    if (!ack.ok) {
      // Not ours any more (transferred or gone while we were away); a timeout is just retried on the next connect.
      if (known && !known.isEnded && (ack.error.code === 'FORBIDDEN' || ack.error.code === 'NOT_FOUND')) this.remove(chatId, 'transferred');
      return;
    }
    const view = this.open(ack.chat, ack.messages, null, ack.readOnly);
    if (view && announce) this.desk.notices.notify(text('agent.assigned', { reference: ack.chat.reference }), 'success');
  }

  /** @param {string} chatId @param {'transferred' | 'requeued' | null} reason */
  remove(chatId, reason) {
    const view = this.views.get(chatId);
    if (!view) return;
    const hadFocus = view.root.contains(document.activeElement);
    view.ownTyping.stopped();
    view.root.remove();
    this.views.delete(chatId);
    this.updateNone();
    if (reason) this.desk.notices.notify(text(`agent.removed.${reason}`, { reference: view.chat.reference }), 'warning');
    if (hadFocus) this.ui.heading.focus();
  }

  /** The chats to join again after a (re)connect: the server's list and ours still going. */
  /** @param {ChatDto[]} fromServer */
  rejoin(fromServer) {
    const ids = new Set(fromServer.map((chat) => chat.id));
    for (const [chatId, view] of this.views) if (!view.isEnded) ids.add(chatId);
    for (const chatId of ids) void this.join(chatId, false);
  }
}

/**
 * Notes and the citizen's details for a chat we join rather than accept (after a transfer, or a reload).
 * @param {ChatView} view
 */
async function loadDetails(view) {
  const result = await request('GET', `/api/tickets/${encodeURIComponent(view.id)}`);
  if (!result.ok || !result.body) return; // details are a help, not a must
  const ticket = result.body;
  view.setCitizen({ name: ticket.citizenName, nationalId: ticket.nationalId, verified: ticket.verified });
  for (const note of ticket.notes || []) view.addNote(note);
}
