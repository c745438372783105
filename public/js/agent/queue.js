// @ts-check
/**
 * The live queue: oldest first, with each chat's wait. A keyed update, so the item (and the
 * Accept button) that has focus is not rebuilt under it.
 */
import { data, text } from '../chat/desk.js';

/** @typedef {import('../chat/types').WaitingChat} WaitingChat */

// The server's clock may be set (FAKE_NOW); wait times are measured on it, not on the browser's.
const clockOffset = data.serverNow ? Date.parse(data.serverNow) - Date.now() : 0;

/** @param {string} iso */
function waitLabel(iso) {
  const started = Date.parse(iso);
  const minutes = isNaN(started) ? 0 : Math.max(0, Math.floor((Date.now() + clockOffset - started) / 60000));
  return minutes < 1 ? text('agent.waitingJustNow') : text('agent.waitingFor', { minutes });
}

/** @param {string | null | undefined} body */
function preview(body) {
  const flat = String(body || '').replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

export class Queue {
  /**
   * @param {{ heading: HTMLElement, count: HTMLElement, empty: HTMLElement, list: HTMLElement, template: HTMLTemplateElement }} ui
   * @param {{ available: () => boolean, onAccept: (entry: WaitingChat, button: HTMLButtonElement) => void }} options
   */
  constructor(ui, options) {
    this.ui = ui;
    this.options = options;
    /** @type {WaitingChat[]} in the server's queue order */
    this.waiting = [];
    ui.heading.setAttribute('tabindex', '-1');
    setInterval(() => this.refreshWaits(), 15000);
  }

  /** @param {WaitingChat} entry */
  item(entry) {
    const item = /** @type {HTMLElement} */ (/** @type {HTMLElement} */ (this.ui.template.content.firstElementChild).cloneNode(true));
    const part = (/** @type {string} */ role) => /** @type {HTMLElement} */ (item.querySelector(`[data-role="${role}"]`));
    item.dataset.chatId = entry.chatId;
    part('reference').textContent = entry.reference;
    part('topic').textContent = text(`topic.${entry.topic}`);
    part('verified').hidden = !entry.verified;
    part('preview').textContent = preview(entry.preview);
    const wait = part('wait');
    wait.dataset.since = entry.waitingSince;
    wait.textContent = waitLabel(entry.waitingSince);
    part('accept-ref').textContent = ` ${entry.reference}`;
    part('accept').addEventListener('click', (event) => this.options.onAccept(entry, /** @type {HTMLButtonElement} */ (event.currentTarget)));
    return item;
  }

  /**
   * @param {WaitingChat[]} list
   * @param {number} [total] how many wait in all (the server sends at most the 200 oldest)
   */
  render(list, total) {
    const { ui } = this;
    this.waiting = (list || []).slice();
    const focusedInside = ui.list.contains(document.activeElement);
    /** @type {Map<string, HTMLElement>} */
    const existing = new Map();
    for (const item of /** @type {HTMLElement[]} */ ([...ui.list.children])) existing.set(item.dataset.chatId ?? '', item);
    this.waiting.forEach((entry, index) => {
      const item = existing.get(entry.chatId) ?? this.item(entry);
      existing.delete(entry.chatId);
      const current = ui.list.children[index];
      if (current !== item) ui.list.insertBefore(item, current || null);
    });
    for (const item of existing.values()) item.remove();
    if (focusedInside && !ui.list.contains(document.activeElement)) {
      (/** @type {HTMLElement | null} */ (ui.list.querySelector('[data-role="accept"]')) ?? ui.heading).focus();
    }
    const count = Math.max(total || 0, this.waiting.length);
    ui.count.textContent = count ? text('agent.queueCount', { count }) : '';
    ui.count.hidden = count === 0;
    ui.empty.textContent = this.options.available() ? text('agent.queueEmpty') : text('agent.queueAway');
    ui.empty.hidden = this.waiting.length > 0;
  }

  /** @param {string} chatId */
  without(chatId) {
    this.render(this.waiting.filter((w) => w.chatId !== chatId));
  }

  refreshWaits() {
    this.ui.list.querySelectorAll('[data-role="wait"]').forEach((wait) => {
      wait.textContent = waitLabel(/** @type {HTMLElement} */ (wait).dataset.since ?? '');
    });
  }
}
