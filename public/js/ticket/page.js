// @ts-check
/** One ticket: status and outcome (PATCH), notes (POST), the citizen context panel, earlier contacts and the referral. */
import { byId, el, notify as notifyIn, setBusy } from '../page/dom.js';
import { clearFieldErrors, errorsFrom, firstError, formValue, hideSummary, reportErrors, setFieldError } from '../page/form-errors.js';
import { formatDateTime } from '../page/format.js';
import { request } from '../page/http.js';
import { data, text } from '../page/page-data.js';
import { CitizenPanel, fetchCitizen } from '../staff/citizen-panel.js';
import { EarlierContactsPanel } from '../staff/earlier-contacts.js';

/** @typedef {import('../page/types').NoteDto} NoteDto */

const ticketUrl = `/api/tickets/${encodeURIComponent(data.ticketId)}`;
const notices = byId('notices');

/** @param {string} message @param {string} color */
const notify = (message, color) => notifyIn(notices, message, color);

// Opening the ticket reads what the citizen wrote: the list's unread marker goes.
if (data.unread) request('POST', `${ticketUrl}/read`);

/* ----- status and outcome ----- */

const updateForm = byId('update-form');
if (updateForm) {
  const updateSummary = byId('update-errors');
  const statusTag = byId('ticket-status-tag');
  updateForm.addEventListener('submit', async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    /** @type {{ status: string, outcome?: string }} */
    const body = { status: formValue(updateForm, 'status') };
    const outcome = formValue(updateForm, 'outcome');
    if (outcome) body.outcome = outcome;
    const button = byId('update-submit');
    setBusy(button, true);
    hideSummary(updateSummary);
    clearFieldErrors(updateForm);
    const result = await request('PATCH', ticketUrl, body);
    setBusy(button, false);
    if (!result.ok) return reportErrors(updateForm, updateSummary, errorsFrom(result.body && result.body.error));
    statusTag.textContent = text(`ticketStatus.${result.body.status}`);
    notify(text('tickets.update.saved', { status: text(`ticketStatus.${result.body.status}`) }), 'success');
  });
}

/* ----- notes ----- */

const noteForm = byId('note-form');
const noteBody = byId('note-body');
const notesList = byId('notes-list');

/** @param {NoteDto} note */
const noteItem = (note) =>
  el('li', { className: 'note' }, [
    el('p', { className: 'msg__meta' }, [
      el('span', { className: 'msg__author' }, [note.authorName || '']),
      ' ',
      el('time', { datetime: note.createdAt }, [formatDateTime(note.createdAt)]),
    ]),
    el('p', { className: 'msg__body' }, [note.body]),
  ]);

noteForm.addEventListener('submit', async (/** @type {SubmitEvent} */ event) => {
  event.preventDefault();
  const body = noteBody.value.trim();
  clearFieldErrors(noteForm);
  if (!body || body.length > 4000) {
    setFieldError(noteForm, 'body', text('error.field.body'))?.focus();
    return;
  }
  const button = noteForm.querySelector('button[type="submit"]');
  setBusy(button, true);
  const result = await request('POST', `${ticketUrl}/notes`, { body });
  setBusy(button, false);
  if (!result.ok) return reportErrors(noteForm, null, errorsFrom(result.body && result.body.error));
  noteBody.value = '';
  notesList.appendChild(noteItem(/** @type {{ note: NoteDto }} */ (result.body).note));
  notify(text('tickets.noteAdded'), 'success');
});

/* ----- citizen context and referral ----- */

const panel = new CitizenPanel({
  root: byId('citizen-context'),
  headingLevel: 2,
  idPrefix: 'ticket',
  onRefer: async (provider) => {
    const result = await request('POST', `${ticketUrl}/referral`, { provider });
    if (!result.ok) return { ok: false, error: firstError(result) };
    return { ok: true, contact: result.body.contact, text: result.body.text, live: Boolean(result.body.message) };
  },
});
panel.loading();
fetchCitizen(data.ticketId).then((citizen) => {
  if (citizen) panel.render(citizen);
  else panel.failed();
});

new EarlierContactsPanel({ root: byId('citizen-context'), headingLevel: 3, idPrefix: 'ticket' }).load(data.ticketId);
