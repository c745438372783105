// @ts-check
/**
 * window.Desk, which public/js/chat/desk.js and chat/http.js read: a page whose modules import
 * chat/ lists this module before them. It goes once chat/ imports these modules itself.
 */
import { el, notify, setBusy } from './dom.js';
import { clearFieldErrors, errorsFrom, formValue, hideSummary, reportErrors, setFieldError } from './form-errors.js';
import { formatTime } from './format.js';
import { request } from './http.js';
import { data, hasText, locale, text } from './page-data.js';

window.Desk = { data, locale, text, hasText, el, formatTime, clearFieldErrors, setFieldError, hideSummary, reportErrors, errorsFrom, formValue, setBusy, request, notify };
