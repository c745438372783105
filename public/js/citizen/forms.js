// @ts-check
/** The citizen's two forms before a chat: start a chat, or leave a message when the desk is closed. */
import { Desk, data, text } from '../chat/desk.js';
import { request } from '../chat/http.js';
import { ui } from './elements.js';

const MAX_LENGTH = data.maxLength || 4000;
const NATIONAL_ID = /^\d{11}$/;

/** @typedef {{ topic: string, message: string, name: string, nationalId: string, email?: string, phone?: string }} FormValues */

/** @param {FormValues} values */
function commonErrors(values) {
  const errors = [];
  if (!values.topic) errors.push({ field: 'topic', message: text('error.field.topic') });
  if (!values.message || values.message.length > MAX_LENGTH) errors.push({ field: 'message', message: text('error.field.message') });
  if (values.name && values.name.length > 100) errors.push({ field: 'name', message: text('error.field.name') });
  return errors;
}

/** @param {FormValues} values */
function nationalIdErrors(values) {
  return values.nationalId && !NATIONAL_ID.test(values.nationalId.replace(/[\s.-]/g, '')) ? [{ field: 'nationalId', message: text('error.field.nationalId') }] : [];
}

/** @param {FormValues} values */
export function startErrors(values) {
  return [...commonErrors(values), ...nationalIdErrors(values)];
}

/** @param {FormValues} values */
export function contactErrors(values) {
  const errors = commonErrors(values);
  if (values.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) errors.push({ field: 'email', message: text('error.field.email') });
  if (values.phone && !/^\+?[0-9 ()-]{5,20}$/.test(values.phone)) errors.push({ field: 'phone', message: text('error.field.phone') });
  return [...errors, ...nationalIdErrors(values)];
}

/**
 * @param {HTMLFormElement} form
 * @param {string[]} names
 * @returns {FormValues}
 */
export function valuesOf(form, names) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const name of names) values[name] = Desk.formValue(form, name).trim();
  return /** @type {FormValues} */ (/** @type {unknown} */ (values));
}

/**
 * The "leave a message" form (POST /api/contact).
 * @param {{ form: HTMLFormElement, errors: HTMLElement, submit: HTMLElement, busy: HTMLElement, sent: HTMLElement, sentText: HTMLElement }} ui
 */
export function wireContactForm(ui) {
  ui.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = valuesOf(ui.form, ['topic', 'message', 'name', 'email', 'phone', 'nationalId']);
    Desk.clearFieldErrors(ui.form);
    Desk.hideSummary(ui.errors);
    ui.sent.hidden = true;
    const errors = contactErrors(values);
    if (errors.length) return Desk.reportErrors(ui.form, ui.errors, errors);
    /** @type {Record<string, string>} */
    const body = { topic: values.topic, message: values.message, language: data.lang ?? 'nb' };
    for (const name of /** @type {const} */ (['name', 'email', 'phone', 'nationalId'])) if (values[name]) body[name] = /** @type {string} */ (values[name]);
    Desk.setBusy(ui.submit, true);
    ui.busy.textContent = text('contact.sending');
    const result = await request('POST', '/api/contact', body);
    Desk.setBusy(ui.submit, false);
    ui.busy.textContent = '';
    if (result.status === 201 && result.body?.reference) {
      ui.form.reset();
      ui.sentText.textContent = text('contact.sent', { reference: result.body.reference });
      ui.sent.hidden = false;
      ui.sent.focus();
    } else {
      Desk.reportErrors(ui.form, ui.errors, Desk.errorsInPageLanguage(result.body?.error));
    }
  });
}

/**
 * The chat closed while the citizen was writing: the message form, with what they wrote.
 * @param {HTMLFormElement} form
 * @param {FormValues | null} values
 */
export function fillContactForm(form, values) {
  if (!values) return;
  form.querySelectorAll('input[name="topic"]').forEach((radio) => {
    const input = /** @type {HTMLInputElement} */ (radio);
    input.checked = input.value === values.topic;
  });
  for (const name of ['message', 'name', 'nationalId']) {
    const field = /** @type {HTMLInputElement | null} */ (form.elements.namedItem(name));
    if (field) field.value = /** @type {Record<string, string>} */ (/** @type {unknown} */ (values))[name] || '';
  }
}

/**
 * The desk closed while the citizen was about to start: the message form instead, with what they wrote.
 * @param {FormValues} values
 */
export function switchToClosed(values) {
  ui.startSection.hidden = true;
  ui.justClosed.hidden = false;
  ui.contactSection.hidden = false;
  fillContactForm(ui.contactForm, values);
  ui.contactHeading.focus();
}
