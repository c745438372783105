// @ts-check
/**
 * One chat card on the console: its messages (the shared message list and outbox), the citizen
 * panel, ready-made replies, notes, typing, and the ended or read-only state.
 */
import { Desk, el, text } from '../chat/desk.js';
import { MessageList, ownTyping, theirTyping } from '../chat/components.js';
import { uuid } from '../chat/format.js';
import { Outbox } from '../chat/outbox.js';
import { CitizenPanel, fetchCitizen } from '../staff/citizen-panel.js';
import { EarlierContactsPanel } from '../staff/earlier-contacts.js';
import { attachReplies } from '../staff/reply-picker.js';
import { wireChatControls } from './chat-controls.js';
import { showCitizenPresence } from '../staff/citizen-presence.js';
import { errorText } from './notices.js';

/** @typedef {import('../chat/types').ChatDto} ChatDto */
/** @typedef {import('../chat/types').MessageDto} MessageDto */
/** @typedef {import('../chat/types').NoteDto} NoteDto */
/** @typedef {import('../chat/types').CitizenContext} CitizenContext */
/** @typedef {import('../chat/transport.js').Transport<import('../chat/types').AgentClientEventMap, import('../chat/types').AgentServerEventMap>} AgentTransport */
/**
 * @typedef {object} Console what a chat card needs from the console around it
 * @property {AgentTransport} transport
 * @property {import('./notices.js').Notices} notices
 * @property {() => { id?: string, displayName?: string }} me
 * @property {(chatId: string, reason: 'transferred' | null) => void} remove
 * @property {(chatId: string) => boolean} isOpen
 */

const ID_ATTRIBUTES = ['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls'];

/** @param {HTMLElement} root @param {string} chatId */
function withIds(root, chatId) {
  for (const node of [root, ...root.querySelectorAll('*')]) {
    for (const name of ID_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value?.includes('__ID__')) node.setAttribute(name, value.split('__ID__').join(chatId));
    }
  }
  return root;
}

export class ChatView {
  /**
   * @param {ChatDto} chat
   * @param {HTMLTemplateElement} template
   * @param {Console} desk
   */
  constructor(chat, template, desk) {
    const root = withIds(/** @type {HTMLElement} */ (/** @type {HTMLElement} */ (template.content.firstElementChild).cloneNode(true)), chat.id);
    /** @param {string} role */
    const part = (role) => /** @type {any} */ (root.querySelector(`[data-role="${role}"]`));
    this.part = part;
    this.id = chat.id;
    this.chat = chat;
    this.root = root;
    this.desk = desk;
    this.heading = /** @type {HTMLElement} */ (part('heading'));
    this.logLabel = /** @type {HTMLElement} */ (part('log-label'));
    this.composer = /** @type {HTMLFormElement} */ (part('composer'));
    this.reply = /** @type {HTMLTextAreaElement} */ (part('reply'));
    this.notes = /** @type {HTMLElement} */ (part('notes'));
    this.ended = /** @type {HTMLElement} */ (part('ended'));
    this.transfer = /** @type {HTMLDetailsElement} */ (part('transfer'));
    this.transferTo = /** @type {HTMLSelectElement} */ (part('transfer-to'));
    /** @type {Set<string>} */
    this.noteIds = new Set();
    this.isEnded = false;
    this.readOnly = false;
    /** @type {string | null} */
    this.citizenName = null;
    root.dataset.chatId = chat.id;

    this.messages = new MessageList(part('log'), {
      chatId: chat.id,
      isMine: (m) => m.author === 'agent',
      authorOf: (m) => this.authorLabel(m),
      me: () => desk.me().displayName || text('author.agent'),
    });
    this.outbox = new Outbox({
      newId: uuid,
      canSend: () => desk.transport.connected && !this.isEnded,
      send: (pending) => desk.transport.request('message:send', { chatId: this.id, ...pending }),
      onStored: (message) => this.addMessage(message),
      onFailed: (pending, error) => this.messages.failPending(pending, errorText(error)),
    });
    this.theirTyping = theirTyping(part('typing'));
    this.ownTyping = ownTyping(
      (typing) => desk.transport.send('typing', { chatId: this.id, typing }),
      () => desk.transport.connected && !this.isEnded && !this.readOnly,
    );
    this.panel = new CitizenPanel({ root: part('context'), headingLevel: 4, idPrefix: `chat-${chat.id}`, onRefer: (provider) => this.refer(provider) });
    this.earlier = new EarlierContactsPanel({ root: part('context'), headingLevel: 5, idPrefix: `chat-${chat.id}` });
    part('reply-slot').appendChild(attachReplies({ textarea: this.reply, idPrefix: `chat-${chat.id}`, language: chat.language, topic: chat.topic }));
    this.update(chat);
    wireChatControls(this);
  }

  get lastSeq() {
    return this.messages.lastSeq;
  }

  /**
   * chat:refer; the acknowledgement carries the provider's contact card for the confirmation.
   * @param {string} provider
   */
  async refer(provider) {
    const ack = await this.desk.transport.request('chat:refer', { chatId: this.id, provider: /** @type {any} */ (provider) });
    if (!ack.ok) return { ok: false, error: errorText(ack.error) };
    if (ack.message) this.addMessage(ack.message);
    return { ok: true, contact: ack.contact, live: true };
  }

  /** The citizen context from GET /api/tickets/:id/citizen (after a join, a transfer or chat:verified). */
  async loadCitizen() {
    this.panel.loading();
    const citizen = await fetchCitizen(this.id);
    if (!this.desk.isOpen(this.id)) return;
    if (citizen) this.setCitizen(citizen);
    else this.panel.failed();
  }

  /** Earlier contacts (an audited look-up): once when the card opens, again when the citizen's identity changes. */
  loadEarlierContacts() {
    return this.earlier.load(this.id);
  }

  /** @param {ChatDto} chat */
  update(chat) {
    this.chat = chat;
    this.heading.textContent = text('agent.chatHeading', { reference: chat.reference, topic: text(`topic.${chat.topic}`) });
    this.logLabel.textContent = text('agent.log', { reference: chat.reference });
    this.setVerified(Boolean(chat.verified));
    this.setPresence({ connected: chat.citizenConnected, leftAt: chat.citizenLeftAt });
  }

  /** @param {import('../staff/citizen-presence.js').CitizenPresence} presence */
  setPresence(presence) {
    showCitizenPresence(this.part('presence'), this.isEnded ? null : presence);
  }

  /** @param {boolean} verified */
  setVerified(verified) {
    this.part('verified').hidden = !verified;
    this.part('unverified').hidden = verified;
  }

  /**
   * A name (from the ticket) and/or the citizen context of contract §4.
   * @param {Partial<CitizenContext> & { name?: string | null }} citizen
   */
  setCitizen(citizen) {
    if (!citizen) return;
    if (citizen.name) {
      this.citizenName = citizen.name;
      this.panel.setName(citizen.name);
    }
    if (typeof citizen.verified === 'boolean') this.setVerified(citizen.verified);
    if (citizen.mailbox || citizen.idporten) this.panel.render(citizen);
  }

  /** @param {MessageDto} message */
  authorLabel(message) {
    if (message.author === 'agent') return message.authorName || text('author.agent');
    if (message.author === 'citizen') return message.authorName || this.citizenName || text('author.citizen');
    return text('author.system');
  }

  /** @param {MessageDto} message */
  addMessage(message) {
    if (message?.clientId) this.outbox.settle(message.clientId);
    if (this.messages.add(message) && message.author === 'citizen') this.showTyping(false);
  }

  /** @param {string} body */
  send(body) {
    this.ownTyping.stopped();
    this.messages.addPending(this.outbox.add(body));
  }

  /** @param {NoteDto} note */
  addNote(note) {
    if (!note || this.noteIds.has(note.id)) return;
    this.noteIds.add(note.id);
    const meta = el('p', { className: 'msg__meta' }, [
      el('span', { className: 'msg__author' }, [text('agent.internal')]),
      el('span', null, [note.authorName || '']),
      el('time', { datetime: note.createdAt }, [Desk.formatTime(note.createdAt)]),
    ]);
    this.notes.appendChild(el('li', { className: 'note' }, [meta, el('p', { className: 'msg__body' }, [note.body])]));
  }

  /** @param {boolean} typing */
  showTyping(typing) {
    this.theirTyping.show(typing && !this.isEnded);
  }

  /** @param {boolean} disabled */
  setActionsDisabled(disabled) {
    const controls = this.root.querySelectorAll(
      '[data-role="composer"] textarea, [data-role="composer"] button, [data-role="transfer"] select, [data-role="transfer"] button, [data-role="close"] select, [data-role="close"] button',
    );
    controls.forEach((control) => ((/** @type {HTMLButtonElement} */ (control)).disabled = disabled));
    this.panel.setDisabled(disabled);
    const replies = this.part('replies');
    if (replies && disabled) replies.hidden = true;
  }

  /** @param {string | null} by @param {string} [outcome] */
  markEnded(by, outcome) {
    if (this.isEnded) return;
    this.isEnded = true;
    this.root.dataset.state = 'ended';
    this.ownTyping.stopped();
    this.showTyping(false);
    this.setActionsDisabled(true);
    this.transfer.open = false;
    this.part('close').open = false;
    this.setPresence({});
    this.part('ended-text').textContent = outcome === 'abandoned' || outcome === 'ticket' ? text(`agent.ended.${outcome}`) : by ? text(`agent.ended.by.${by}`) : text('agent.ended');
    const ticketLink = this.part('ticket-link');
    ticketLink.hidden = outcome !== 'ticket';
    ticketLink.querySelector('a')?.setAttribute('href', `/agent/tickets/${encodeURIComponent(this.id)}`);
    this.ended.hidden = false;
    this.outbox.failAll({ code: 'CLOSED', message: text('agent.ended') });
  }

  /** @param {boolean} readOnly */
  setReadOnly(readOnly) {
    this.readOnly = readOnly;
    if (readOnly && !this.isEnded) {
      this.setActionsDisabled(true);
      this.part('ended-text').textContent = text('agent.readOnly');
      this.ended.hidden = false;
    }
  }
}
