/* One ticket: status and outcome (PATCH), notes (POST), the citizen context panel and the referral. */
import { Desk as D } from '../chat/desk.js';
import { request } from '../chat/http.js';
import { CitizenPanel, fetchCitizen, formatDateTime } from '../staff/citizen-panel.js';

var text = D.text;
var el = D.el;
var data = D.data;
var ticketUrl = '/api/tickets/' + encodeURIComponent(data.ticketId);
var notices = document.getElementById('notices');

function notify(message, color) {
  D.notify(notices, message, color);
}

// Opening the ticket reads what the citizen wrote: the list's unread marker goes.
if (data.unread) request('POST', ticketUrl + '/read');

/* ----- status and outcome ----- */

var updateForm = document.getElementById('update-form');
if (updateForm) {
  var updateSummary = document.getElementById('update-errors');
  var statusTag = document.getElementById('ticket-status-tag');
  updateForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = { status: D.formValue(updateForm, 'status') };
    var outcome = D.formValue(updateForm, 'outcome');
    if (outcome) body.outcome = outcome;
    var button = document.getElementById('update-submit');
    D.setBusy(button, true);
    D.hideSummary(updateSummary);
    D.clearFieldErrors(updateForm);
    request('PATCH', ticketUrl, body).then(function (result) {
      D.setBusy(button, false);
      if (!result.ok) return D.reportErrors(updateForm, updateSummary, D.errorsFrom(result.body && result.body.error));
      statusTag.textContent = text('ticketStatus.' + result.body.status);
      notify(text('tickets.update.saved', { status: text('ticketStatus.' + result.body.status) }), 'success');
    });
  });
}

/* ----- notes ----- */

var noteForm = document.getElementById('note-form');
var noteBody = document.getElementById('note-body');
var notesList = document.getElementById('notes-list');
noteForm.addEventListener('submit', function (event) {
  event.preventDefault();
  var body = noteBody.value.trim();
  D.clearFieldErrors(noteForm);
  if (!body || body.length > 4000) {
    var input = D.setFieldError(noteForm, 'body', text('error.field.body'));
    if (input) input.focus();
    return;
  }
  var button = noteForm.querySelector('button[type="submit"]');
  D.setBusy(button, true);
  request('POST', ticketUrl + '/notes', { body: body }).then(function (result) {
    D.setBusy(button, false);
    if (!result.ok) return D.reportErrors(noteForm, null, D.errorsFrom(result.body && result.body.error));
    var note = result.body.note;
    noteBody.value = '';
    notesList.appendChild(
      el('li', { className: 'note' }, [
        el('p', { className: 'msg__meta' }, [
          el('span', { className: 'msg__author' }, [note.authorName || '']),
          ' ',
          el('time', { datetime: note.createdAt }, [formatDateTime(note.createdAt)]),
        ]),
        el('p', { className: 'msg__body' }, [note.body]),
      ]),
    );
    notify(text('tickets.noteAdded'), 'success');
  });
});

/* ----- citizen context and referral ----- */

var panel = new CitizenPanel({
  root: document.getElementById('citizen-context'),
  headingLevel: 2,
  idPrefix: 'ticket',
  onRefer: function (provider) {
    return request('POST', ticketUrl + '/referral', { provider: provider }).then(function (result) {
      if (!result.ok) return { ok: false, error: D.errorsFrom(result.body && result.body.error)[0].message };
      return { ok: true, contact: result.body.contact, text: result.body.text, live: Boolean(result.body.message) };
    });
  },
});
panel.loading();
fetchCitizen(data.ticketId).then(function (citizen) {
  if (citizen) panel.render(citizen);
  else panel.failed();
});
