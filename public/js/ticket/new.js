// @ts-check
/** New ticket for a caller or an e-mail: POST /api/tickets, errors beside the fields, then the ticket. */
import { byId, setBusy } from '../page/dom.js';
import { clearFieldErrors, errorsFrom, formValue, hideSummary, reportErrors } from '../page/form-errors.js';
import { request } from '../page/http.js';
import { text } from '../page/page-data.js';
import { inOurWords } from '../page/field-texts.js';

const form = byId('ticket-form');
const summary = byId('ticket-errors');
const submit = byId('ticket-submit');

/** Our own words for the fields we know; anything else keeps the server's message. */
const FIELD_TEXTS = {
  channel: 'tickets.error.channel',
  topic: 'tickets.error.topic',
  summary: 'tickets.error.summary',
  nationalId: 'tickets.error.nationalId',
  language: 'tickets.error.language',
  name: 'tickets.error.name',
  email: 'tickets.error.email',
  phone: 'tickets.error.phone',
};
const OPTIONAL_FIELDS = /** @type {const} */ (['name', 'email', 'phone']);

/** @param {Record<string, string>} body */
function localErrors(body) {
  const errors = [];
  if (!body.topic) errors.push({ field: 'topic', message: text('tickets.error.topic') });
  if (!body.summary) errors.push({ field: 'summary', message: text('tickets.error.summary') });
  if (body.nationalId && !/^\d{11}$/.test(body.nationalId)) errors.push({ field: 'nationalId', message: text('tickets.error.nationalId') });
  if (body.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) errors.push({ field: 'email', message: text('tickets.error.email') });
  return errors;
}

form.addEventListener('submit', async (/** @type {SubmitEvent} */ event) => {
  event.preventDefault();
  /** @type {Record<string, string>} */
  const body = {
    channel: formValue(form, 'channel'),
    topic: formValue(form, 'topic'),
    summary: formValue(form, 'summary').trim(),
    language: formValue(form, 'language'),
  };
  const nationalId = formValue(form, 'nationalId').replace(/[\s.-]/g, '');
  if (nationalId) body.nationalId = nationalId;
  for (const name of OPTIONAL_FIELDS) {
    const value = formValue(form, name).trim();
    if (value) body[name] = value;
  }
  const errors = localErrors(body);
  if (errors.length) return reportErrors(form, summary, errors);
  hideSummary(summary);
  clearFieldErrors(form);
  setBusy(submit, true);
  const result = await request('POST', '/api/tickets', body);
  if (result.status === 201 && result.body && result.body.id) {
    window.location.assign(`/agent/tickets/${encodeURIComponent(result.body.id)}`);
    return;
  }
  setBusy(submit, false);
  reportErrors(form, summary, inOurWords(errorsFrom(result.body && result.body.error), FIELD_TEXTS));
});
