// @ts-check
/**
 * The agent's alerts: a sound, a desktop notification and a count in the tab's title, for chats
 * entering the queue and for citizens' messages in chats the agent is not looking at (alert-rule.js).
 * The count goes down as the agent looks at those chats and at the queue. Notifications name the
 * chat's reference or topic only: never the message, never who wrote it.
 */
import { data, text } from '../chat/desk.js';
import { messageAlerts, newInQueue, titleWithCount } from './alert-rule.js';
import { playChime, unlockSoundOnGesture } from './chime.js';

/** @typedef {import('../chat/types').WaitingChat} WaitingChat */
/** @typedef {import('../chat/types').MessageDto} MessageDto */
/** @typedef {{ sound: boolean, notifications: boolean, title: boolean }} AlertPreferences */

/**
 * @typedef {object} AlertsOptions
 * @property {HTMLElement} queueSection
 * @property {HTMLElement} chatColumns
 * @property {() => 'available' | 'away' | null} status
 * @property {() => AlertPreferences} preferences
 * @property {(chatId: string) => string | null} referenceOf the reference of a chat on the console, null when it is not
 * @property {(chatId: string) => void} showChat
 * @property {() => void} showQueue
 */

export class Alerts {
  /** @param {AlertsOptions} options */
  constructor(options) {
    this.options = options;
    this.baseTitle = document.title;
    /** @type {Set<string> | null} the chat ids of the last queue list; null until one is known */
    this.known = null;
    /** @type {Set<string>} chats that entered the queue since the agent last looked at it */
    this.queueUnseen = new Set();
    /** @type {Map<string, number>} citizens' messages the agent has not seen, per chat */
    this.chatUnseen = new Map();
    /** @type {string | null} */
    this.selectedChatId = null;
    unlockSoundOnGesture();
    const select = (/** @type {Event} */ event) => this.selectFrom(/** @type {Element | null} */ (event.target));
    document.addEventListener('focusin', select);
    document.addEventListener('pointerdown', select);
    document.addEventListener('visibilitychange', () => this.seen());
    window.addEventListener('focus', () => this.seen());
  }

  /** @returns {import('./alert-rule.js').ViewState} */
  view() {
    return { status: this.options.status(), selectedChatId: this.selectedChatId, pageVisible: document.visibilityState === 'visible', pageFocused: document.hasFocus() };
  }

  /**
   * A queue list: from a push (`announce`), new entries alert; the first list after the page loads
   * or the agent becomes available only sets what is known.
   * @param {WaitingChat[]} waiting
   * @param {boolean} announce
   */
  queue(waiting, announce) {
    const arrivals = announce ? newInQueue(this.known, waiting, this.view()) : [];
    this.known = new Set(waiting.map((entry) => entry.chatId));
    for (const chatId of this.queueUnseen) if (!this.known.has(chatId)) this.queueUnseen.delete(chatId);
    for (const entry of arrivals) this.queueUnseen.add(entry.chatId);
    if (arrivals.length > 0) {
      this.sound();
      for (const entry of arrivals) this.notify(text('agent.alerts.newInQueue', { topic: text(`topic.${entry.topic}`) }), `queue:${entry.chatId}`, () => this.options.showQueue());
    }
    this.updateTitle();
  }

  /** The agent is away: the next list is a fresh start. */
  away() {
    this.known = null;
    this.queueUnseen.clear();
    this.updateTitle();
  }

  /** @param {MessageDto} message */
  message(message) {
    const reference = message?.chatId ? this.options.referenceOf(message.chatId) : null;
    if (!messageAlerts(message, reference !== null, this.view())) return;
    this.chatUnseen.set(message.chatId, (this.chatUnseen.get(message.chatId) ?? 0) + 1);
    this.sound();
    this.notify(text('agent.alerts.newMessage', { reference }), `chat:${message.chatId}`, () => this.options.showChat(message.chatId));
    this.updateTitle();
  }

  /** The chat left the console (transferred, dismissed, back in the queue). @param {string} chatId */
  chatGone(chatId) {
    if (this.selectedChatId === chatId) this.selectedChatId = null;
    if (this.chatUnseen.delete(chatId)) this.updateTitle();
  }

  /** @param {Element | null} target */
  selectFrom(target) {
    const card = /** @type {HTMLElement | null} */ (target?.closest?.('[data-chat-id]') ?? null);
    if (card && this.options.chatColumns.contains(card)) this.selectedChatId = card.dataset.chatId ?? null;
    else if (target && this.options.queueSection.contains(target)) this.queueUnseen.clear();
    this.seen();
  }

  /** Clears what the agent now sees: the selected chat, on a visible and focused page. */
  seen() {
    const view = this.view();
    if (view.pageVisible && view.pageFocused && this.selectedChatId) this.chatUnseen.delete(this.selectedChatId);
    this.updateTitle();
  }

  get count() {
    let count = this.queueUnseen.size;
    for (const [chatId, unseen] of this.chatUnseen) {
      if (this.options.referenceOf(chatId) === null) this.chatUnseen.delete(chatId); // dismissed or gone meanwhile
      else count += unseen;
    }
    return count;
  }

  updateTitle() {
    document.title = titleWithCount(this.baseTitle, this.options.preferences().title ? this.count : 0);
  }

  sound() {
    if (this.options.preferences().sound) playChime();
  }

  /**
   * @param {string} title
   * @param {string} tag one notification per chat: a newer one replaces it
   * @param {() => void} show
   */
  notify(title, tag, show) {
    if (!this.options.preferences().notifications || typeof window.Notification !== 'function' || Notification.permission !== 'granted') return;
    try {
      // Silent: the sound is the agent's own setting, played by the page.
      const notification = new Notification(title, { tag, lang: data.lang, silent: true });
      notification.onclick = () => {
        window.focus();
        notification.close();
        show();
      };
    } catch {
      /* Where pages may not construct notifications (Chrome on Android), the sound and the title still tell. */
    }
  }
}
