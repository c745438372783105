/* New ticket for a caller or an e-mail: POST /api/tickets, errors beside the fields, then the ticket. */
import { Desk as D } from '../chat/desk.js';
import { request } from '../chat/http.js';

var text = D.text;
var form = document.getElementById('ticket-form');
var summary = document.getElementById('ticket-errors');
var submit = document.getElementById('ticket-submit');

/** Our own words for the fields we know; anything else keeps the server's message. */
var FIELD_TEXTS = {
  channel: 'tickets.error.channel',
  topic: 'tickets.error.topic',
  summary: 'tickets.error.summary',
  nationalId: 'tickets.error.nationalId',
  language: 'tickets.error.language',
  name: 'tickets.error.name',
  email: 'tickets.error.email',
  phone: 'tickets.error.phone',
};
var OPTIONAL_FIELDS = ['name', 'email', 'phone'];

function localErrors(body) {
  var errors = [];
  if (!body.topic) errors.push({ field: 'topic', message: text('tickets.error.topic') });
  if (!body.summary) errors.push({ field: 'summary', message: text('tickets.error.summary') });
  if (body.nationalId && !/^\d{11}$/.test(body.nationalId)) errors.push({ field: 'nationalId', message: text('tickets.error.nationalId') });
  if (body.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.email)) errors.push({ field: 'email', message: text('tickets.error.email') });
  return errors;
}

form.addEventListener('submit', function (event) {
  event.preventDefault();
  var body = {
    channel: D.formValue(form, 'channel'),
    topic: D.formValue(form, 'topic'),
    summary: D.formValue(form, 'summary').trim(),
    language: D.formValue(form, 'language'),
  };
  var nationalId = D.formValue(form, 'nationalId').replace(/[\s.-]/g, '');
  if (nationalId) body.nationalId = nationalId;
  OPTIONAL_FIELDS.forEach(function (name) {
    var value = D.formValue(form, name).trim();
    if (value) body[name] = value;
  });
  var errors = localErrors(body);
  if (errors.length) return D.reportErrors(form, summary, errors);
  D.hideSummary(summary);
  D.clearFieldErrors(form);
  D.setBusy(submit, true);
  request('POST', '/api/tickets', body).then(function (result) {
      if (result.status === 201 && result.body && result.body.id) {
        window.location.assign('/agent/tickets/' + encodeURIComponent(result.body.id));
        return;
      }
      D.setBusy(submit, false);
      var list = D.errorsFrom(result.body && result.body.error).map(function (error) {
        return error.field && FIELD_TEXTS[error.field] ? { field: error.field, message: text(FIELD_TEXTS[error.field]) } : error;
      });
      D.reportErrors(form, summary, list);
    });
});
