// @ts-check
/**
 * The log-in and password forms: fields checked here first, then posted as JSON; a refusal is
 * shown beside the fields it names, or else as the form's alert, which takes focus.
 */
import { byId, setBusy } from '../page/dom.js';
import { clearFieldErrors, errorsFrom, reportErrors } from '../page/form-errors.js';
import { request } from '../page/http.js';
import { text } from '../page/page-data.js';

/** @typedef {import('../page/types').FieldError} FieldError */

/**
 * @param {object} options
 * @param {string} options.prefix the ids: `${prefix}-form`, -error, -error-text, -submit, -busy; the text `${prefix}.busy`
 * @param {string} options.url
 * @param {(form: HTMLFormElement) => { body: Record<string, string>, errors: FieldError[] }} options.read
 * @param {() => void} options.done after a success
 * @param {(status: number, form: HTMLFormElement) => string | true | undefined} [options.refused]
 *   our message for this status, true when handled here, undefined for the server's errors
 */
export function credentialsForm({ prefix, url, read, done, refused }) {
  /** @type {HTMLFormElement} */
  const form = byId(`${prefix}-form`);
  const alertBox = byId(`${prefix}-error`);
  const alertText = byId(`${prefix}-error-text`);
  const submit = byId(`${prefix}-submit`);
  const busy = byId(`${prefix}-busy`);

  /** @param {string} message */
  function showError(message) {
    alertText.textContent = message;
    alertBox.hidden = false;
    alertBox.focus();
  }

  /** @param {boolean} on */
  function working(on) {
    setBusy(submit, on);
    busy.textContent = on ? text(`${prefix}.busy`) : '';
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alertBox.hidden = true;
    clearFieldErrors(form);
    const { body, errors } = read(form);
    if (errors.length) return reportErrors(form, null, errors);

    working(true);
    const result = await request('POST', url, body);
    if (result.ok) return done();
    working(false);
    const ours = refused?.(result.status, form);
    if (ours === true) return;
    if (ours) return showError(ours);
    const found = errorsFrom(result.body && result.body.error);
    if (found.some((error) => error.field)) return reportErrors(form, null, found);
    showError(found[0].message);
  });
}
