// @ts-check
/*
 * One person's records (GDPR): find them by identity number, e-mail or phone, export them, and erase them
 * after a dry run and a ticked confirmation. Every call is a POST: the keys never go into a URL.
 */
import { byId, el, notify as notifyIn, setBusy } from '../page/dom.js';
import { formatDateTime } from '../page/format.js';
import { inOurWords } from '../page/field-texts.js';
import { clearFieldErrors, errorsFrom, hideSummary, reportErrors } from '../page/form-errors.js';
import { request } from '../page/http.js';
import { data, text } from '../page/page-data.js';

const findForm = byId('privacy-find-form');
const findErrors = byId('privacy-find-errors');
const findButton = byId('privacy-find');
const results = byId('privacy-results');
const resultsHeading = byId('privacy-results-heading');
const none = byId('privacy-none');
const withheld = byId('privacy-withheld');
const counts = byId('privacy-counts');
const ticketRows = /** @type {HTMLTableElement} */ (byId('privacy-tickets')).tBodies[0];
const download = byId('privacy-download');
const eraseForm = byId('privacy-erase-form');
const eraseErrors = byId('privacy-erase-errors');
const dryRunButton = byId('privacy-dry-run');
const preview = byId('privacy-preview');
const previewText = byId('privacy-preview-text');
const previewCounts = byId('privacy-preview-counts');
const confirmBox = /** @type {HTMLInputElement} */ (byId('privacy-confirm'));
const eraseButton = byId('privacy-erase');
const notices = byId('notices');
const KINDS = ['tickets', 'messages', 'notes', 'attachments', 'mails', 'outbox', 'events', 'ratings', 'searchDocuments', 'sessions'];
const FIELD_TEXTS = { nationalId: 'privacy.error.nationalId', email: 'privacy.error.email', phone: 'privacy.error.phone', reason: 'privacy.error.reason', confirm: 'privacy.error.confirm' };

/** The keys last searched for: what export and erasure act on. @type {Record<string, string> | null} */
let person = null;
/** @type {string | null} */
let confirmation = null;
/** @type {string | null} */
let downloadUrl = null;

/** @param {string} name */
const field = (name) => /** @type {HTMLInputElement} */ (findForm.elements.namedItem(name)).value.trim();

/**
 * @param {HTMLElement} list
 * @param {Record<string, number>} byKind
 */
function showCounts(list, byKind) {
  list.textContent = '';
  for (const kind of KINDS) list.appendChild(el('div', null, [el('dt', null, [text(`privacy.kind.${kind}`)]), el('dd', null, [String(byKind[kind] ?? 0)])]));
}

/** @param {any} summary */
function showResults(summary) {
  const who = [summary.person.nationalId, summary.person.email, summary.person.phone].filter(Boolean).join(', ');
  resultsHeading.textContent = text('privacy.results', { who });
  none.hidden = summary.tickets.length > 0;
  // Tickets of a shared address or phone that carry another identity number are someone else's.
  withheld.hidden = !(summary.withheld > 0);
  byId('privacy-withheld-text').textContent = summary.withheld > 0 ? text('privacy.withheld', { count: summary.withheld }) : '';
  showCounts(counts, summary.counts);
  ticketRows.textContent = '';
  for (const ticket of summary.tickets) {
    ticketRows.appendChild(
      el('tr', null, [
        el('td', null, [ticket.reference]),
        el('td', null, [text(`channel.${ticket.channel}`)]),
        el('td', null, [formatDateTime(ticket.createdAt)]),
        el('td', null, [text(`ticketStatus.${ticket.status}`)]),
      ]),
    );
  }
  preview.hidden = true;
  confirmation = null;
  download.textContent = '';
  results.hidden = false;
  resultsHeading.focus();
}

findForm.addEventListener('submit', async (/** @type {SubmitEvent} */ event) => {
  event.preventDefault();
  hideSummary(findErrors);
  clearFieldErrors(findForm);
  const keys = Object.fromEntries(['nationalId', 'email', 'phone'].map((name) => [name, field(name)]).filter(([, value]) => value));
  if (Object.keys(keys).length === 0) {
    reportErrors(findForm, findErrors, [{ field: 'nationalId', message: text('privacy.error.required') }]);
    return;
  }
  setBusy(findButton, true);
  const result = await request('POST', '/api/privacy/search', keys);
  setBusy(findButton, false);
  if (!result.ok) {
    reportErrors(findForm, findErrors, inOurWords(errorsFrom(result.body && result.body.error), FIELD_TEXTS));
    return;
  }
  person = keys;
  showResults(result.body);
});

/** @param {'json' | 'html'} format @param {HTMLElement} button */
async function exportAs(format, button) {
  if (!person) return;
  setBusy(button, true);
  download.textContent = '';
  try {
    const response = await fetch('/api/privacy/export', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': data.csrfToken || '' },
      body: JSON.stringify({ ...person, format }),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      notify(errorsFrom(body && body.error)[0].message, 'danger');
      return;
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '')?.[1] || `innsyn.${format}`;
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(await response.blob());
    const link = el('a', { className: 'ds-link', href: downloadUrl, download: name, id: 'privacy-download-link' }, [text('privacy.export.save', { name })]);
    download.replaceChildren(text('privacy.export.ready', { name }), ' ', link);
  } catch {
    notify(text('privacy.error.failed'), 'danger');
  } finally {
    setBusy(button, false);
  }
}

byId('privacy-export-json').addEventListener('click', (/** @type {Event} */ event) => exportAs('json', /** @type {HTMLElement} */ (event.currentTarget)));
byId('privacy-export-html').addEventListener('click', (/** @type {Event} */ event) => exportAs('html', /** @type {HTMLElement} */ (event.currentTarget)));

/** @param {any} error */
function eraseError(error) {
  if (error && error.code === 'CONFIRMATION_REQUIRED') return [{ message: text('privacy.erase.stale') }];
  if (error && error.code === 'CONFLICT') return [{ message: text('privacy.erase.liveRefused') }];
  return inOurWords(errorsFrom(error), FIELD_TEXTS);
}

dryRunButton.addEventListener('click', async () => {
  if (!person) return;
  hideSummary(eraseErrors);
  clearFieldErrors(eraseForm);
  setBusy(dryRunButton, true);
  const result = await request('POST', '/api/privacy/erasure/dry-run', person);
  setBusy(dryRunButton, false);
  if (!result.ok) {
    reportErrors(eraseForm, eraseErrors, eraseError(result.body && result.body.error));
    return;
  }
  const answer = /** @type {any} */ (result.body);
  confirmation = answer.confirmation;
  confirmBox.checked = false;
  showCounts(previewCounts, answer.counts);
  const live = answer.liveChats.length > 0;
  previewText.textContent = live ? text('privacy.erase.live', { refs: answer.liveChats.join(', ') }) : confirmation ? text('privacy.erase.wouldErase') : text('privacy.erase.nothing');
  eraseButton.hidden = !confirmation;
  confirmBox.disabled = !confirmation;
  preview.hidden = false;
  previewText.focus();
});

eraseForm.addEventListener('submit', async (/** @type {SubmitEvent} */ event) => {
  event.preventDefault();
  if (!person || !confirmation) return;
  hideSummary(eraseErrors);
  clearFieldErrors(eraseForm);
  const reason = /** @type {HTMLTextAreaElement} */ (byId('privacy-reason')).value.trim();
  /** @type {{ field: string, message: string }[]} */
  const problems = [];
  if (reason.length < data.reasonMin || reason.length > data.reasonMax) problems.push({ field: 'reason', message: text('privacy.error.reason') });
  if (!confirmBox.checked) problems.push({ field: 'confirm', message: text('privacy.error.confirm') });
  if (problems.length > 0) {
    reportErrors(eraseForm, eraseErrors, problems);
    return;
  }
  setBusy(eraseButton, true);
  const result = await request('POST', '/api/privacy/erasure', { ...person, reason, confirm: true, confirmation });
  setBusy(eraseButton, false);
  if (!result.ok) {
    reportErrors(eraseForm, eraseErrors, eraseError(result.body && result.body.error));
    return;
  }
  const erased = /** @type {any} */ (result.body).erased;
  results.hidden = true;
  person = null;
  confirmation = null;
  /** @type {HTMLFormElement} */ (findForm).reset();
  /** @type {HTMLFormElement} */ (eraseForm).reset();
  notify(text('privacy.erase.done', { tickets: erased.tickets }), 'success');
});

/** @param {string} message @param {string} color */
function notify(message, color) {
  notifyIn(notices, message, color);
}
