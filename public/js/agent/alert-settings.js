// @ts-check
/**
 * The agent's alert settings: a group of checkboxes (sound, desktop notifications, count in the
 * title) kept on the staff account (GET/PUT /api/me/alert-preferences), so they follow the agent
 * to other devices, and the control that asks the browser for permission to notify, which a
 * browser grants only from a user gesture.
 */
import { request } from '../chat/http.js';

const PATH = '/api/me/alert-preferences';
/** @type {(keyof import('./alerts.js').AlertPreferences)[]} */
const KINDS = ['sound', 'notifications', 'title'];

/**
 * @typedef {object} AlertSettingsUi
 * @property {HTMLElement} root
 * @property {HTMLButtonElement} ask the "turn on desktop notifications" button
 * @property {HTMLElement} blocked said when the browser blocks notifications
 * @property {HTMLElement} unsupported said when the browser has none
 */

export class AlertSettings {
  /**
   * @param {AlertSettingsUi} ui
   * @param {{ notices: import('./notices.js').Notices, onChange: () => void }} options
   */
  constructor(ui, options) {
    this.ui = ui;
    this.options = options;
    /** @type {import('./alerts.js').AlertPreferences} all on until the account's are read */
    this.preferences = { sound: true, notifications: true, title: true };
    for (const kind of KINDS) this.box(kind).addEventListener('change', () => void this.save(kind));
    ui.ask.addEventListener('click', () => void this.askPermission());
    this.render();
  }

  /** @param {keyof import('./alerts.js').AlertPreferences} kind */
  box(kind) {
    return /** @type {HTMLInputElement} */ (this.ui.root.querySelector(`input[data-preference="${kind}"]`));
  }

  async load() {
    const result = await request('GET', PATH);
    if (result.ok && result.body?.preferences) this.preferences = { ...this.preferences, ...result.body.preferences };
    else this.options.notices.fail(result.body?.error);
    this.render();
    this.options.onChange();
  }

  /** @param {keyof import('./alerts.js').AlertPreferences} kind */
  async save(kind) {
    const wanted = this.box(kind).checked;
    this.preferences = { ...this.preferences, [kind]: wanted };
    this.render();
    this.options.onChange();
    const result = await request('PUT', PATH, this.preferences);
    if (result.ok) return;
    this.preferences = { ...this.preferences, [kind]: !wanted };
    this.render();
    this.options.onChange();
    this.options.notices.fail(result.body?.error);
  }

  async askPermission() {
    if (typeof window.Notification !== 'function') return;
    await Notification.requestPermission();
    this.render();
  }

  render() {
    for (const kind of KINDS) this.box(kind).checked = this.preferences[kind];
    const supported = typeof window.Notification === 'function';
    const permission = supported ? Notification.permission : 'denied';
    const wanted = this.preferences.notifications;
    const askHadFocus = document.activeElement === this.ui.ask;
    this.ui.ask.hidden = !wanted || !supported || permission !== 'default';
    this.ui.blocked.hidden = !wanted || !supported || permission !== 'denied';
    this.ui.unsupported.hidden = !wanted || supported;
    if (askHadFocus && this.ui.ask.hidden) this.box('notifications').focus();
  }
}
