// @ts-check
/**
 * Form errors: shown next to the field, tied to it with aria-describedby, and listed in a
 * summary that takes focus so a screen reader hears what to fix.
 */
import { el } from './dom.js';
import { data, hasText, text } from './page-data.js';

/** @typedef {import('./types').FieldError} FieldError */
/** @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Field */

/** @param {HTMLElement} input */
function restoreDescribedBy(input) {
  if (input.dataset.describedby) input.setAttribute('aria-describedby', input.dataset.describedby);
  else input.removeAttribute('aria-describedby');
}

/**
 * @param {HTMLElement} form
 * @param {string} field
 * @returns {Field[]}
 */
function inputsNamed(form, field) {
  return Array.from(/** @type {HTMLFormElement} */ (form).elements).filter((element) => /** @type {Field} */ (element).name === field).map((element) => /** @type {Field} */ (element));
}

/** @param {HTMLElement} form */
export function clearFieldErrors(form) {
  form.querySelectorAll('[data-error-for]').forEach((message) => {
    /** @type {HTMLElement} */ (message).hidden = true;
    message.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach((input) => {
    input.removeAttribute('aria-invalid');
    restoreDescribedBy(/** @type {HTMLElement} */ (input));
  });
}

/**
 * Shows `message` under the field and ties it to the input(s). Returns the first input, if any.
 * @param {HTMLElement} form
 * @param {string} field
 * @param {string} message
 * @returns {HTMLElement | null}
 */
export function setFieldError(form, field, message) {
  const holder = /** @type {HTMLElement | null} */ (form.querySelector(`[data-error-for="${field}"]`));
  const inputs = inputsNamed(form, field);
  if (!holder || inputs.length === 0) return null;
  holder.textContent = message;
  holder.hidden = false;
  for (const input of inputs) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.dataset.describedby, holder.id].filter(Boolean).join(' '));
  }
  return inputs[0];
}

/** @param {HTMLElement | null} summary */
export function hideSummary(summary) {
  if (!summary) return;
  summary.hidden = true;
  const list = summary.querySelector('[data-role="error-list"]');
  if (list) list.textContent = '';
}

/**
 * @param {HTMLElement} summary
 * @param {{ message: string, target: HTMLElement | null }[]} items
 */
function showSummary(summary, items) {
  const list = /** @type {HTMLElement} */ (summary.querySelector('[data-role="error-list"]'));
  list.textContent = '';
  for (const item of items) {
    /** @type {Node | string} */
    let content = item.message;
    const target = item.target;
    if (target && target.id) {
      const link = el('a', { href: `#${target.id}` }, [item.message]);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        target.focus();
      });
      content = link;
    }
    list.appendChild(el('li', null, [content]));
  }
  summary.hidden = false;
  summary.focus();
}

/**
 * The message for one server-side detail: our own text for a known field, else the server's.
 * @param {{ field?: string, message: string }} detail
 */
export function detailMessage(detail) {
  const key = `error.field.${detail.field}`;
  return detail.field && hasText(key) ? text(key) : detail.message;
}

/**
 * Each field gets its first message; the summary (if any) lists them all, linked to their fields.
 * @param {HTMLElement} form
 * @param {HTMLElement | null} summary
 * @param {FieldError[]} errors
 */
export function reportErrors(form, summary, errors) {
  clearFieldErrors(form);
  /** @type {Set<string>} */
  const done = new Set();
  /** @type {{ message: string, target: HTMLElement | null }[]} */
  const items = [];
  for (const error of errors) {
    if (error.field) {
      if (done.has(error.field)) continue;
      done.add(error.field);
    }
    const target = error.field ? setFieldError(form, error.field, error.message) : null;
    items.push({ message: error.message, target });
  }
  if (summary) showSummary(summary, items);
  else if (items[0] && items[0].target) items[0].target.focus();
}

/**
 * Errors from an `{error: {code, message, details}}` body or socket acknowledgement.
 * @param {any} error
 * @param {boolean} [inPageLanguage] our own text for the code instead of the server's English message
 * @returns {FieldError[]}
 */
export function errorsFrom(error, inPageLanguage = false) {
  if (!error) return [{ message: text('error.generic') }];
  if (error.code === 'RATE_LIMITED') return [{ message: text('error.rateLimited') }];
  // A history search that would take too long: the way to narrow it, under the search field.
  if (error.code === 'QUERY_TOO_BROAD') return [{ field: 'q', message: text('error.queryTooBroad') }];
  /** @type {{ field?: string, message: string }[]} */
  const details = Array.isArray(error.details) ? error.details.filter((/** @type {any} */ d) => d && d.message) : [];
  if (error.code === 'VALIDATION' && details.length > 0) {
    return details.map((detail) => ({ field: detail.field, message: detailMessage(detail) }));
  }
  const ownText = `error.code.${error.code}`;
  if (inPageLanguage && data.lang !== 'en' && hasText(ownText)) return [{ message: text(ownText) }];
  return [{ message: error.message || text('error.generic') }];
}

/**
 * For citizens: the server's messages are in English, so on a page in another language a refusal is
 * told in our own text for its code. Staff pages keep the server's more exact words.
 * @param {any} error
 */
export const errorsInPageLanguage = (error) => errorsFrom(error, true);

/**
 * The first error's message of a failed call's body.
 * @param {import('./types').ApiResult} result
 */
export const firstError = (result) => errorsFrom(result.body && result.body.error)[0].message;

/**
 * A field's value; of a radio or checkbox group, the checked one's ('' if none).
 * @param {HTMLElement} form
 * @param {string} name
 */
export function formValue(form, name) {
  for (const input of inputsNamed(form, name)) {
    if (input instanceof HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox')) {
      if (input.checked) return input.value;
    } else {
      return input.value;
    }
  }
  return '';
}
