// @ts-check
/** All the page helpers as one object, the shape public/js/chat/ uses (`Desk.setBusy(…)`). */
import { el, notify, setBusy } from './dom.js';
import { clearFieldErrors, errorsFrom, errorsInPageLanguage, formValue, hideSummary, reportErrors, setFieldError } from './form-errors.js';
import { formatTime } from './format.js';
import { request } from './http.js';
import { data, hasText, locale, text } from './page-data.js';

export { data, el, locale, text };

/** @type {import('../chat/types').DeskApi} */
export const Desk = { data, locale, text, hasText, el, formatTime, clearFieldErrors, setFieldError, hideSummary, reportErrors, errorsFrom, errorsInPageLanguage, formValue, setBusy, request, notify };
