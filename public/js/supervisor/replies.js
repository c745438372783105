// @ts-check
/* Supervisors manage the ready-made replies: list, create, edit and delete (after a confirmation). */
import { byId, el, notify as notifyIn, setBusy } from '../page/dom.js';
import { inOurWords } from '../page/field-texts.js';
import { clearFieldErrors, errorsFrom, firstError, hideSummary, reportErrors } from '../page/form-errors.js';
import { request } from '../page/http.js';
import { ItemDialog } from '../page/item-dialog.js';
import { data, text } from '../page/page-data.js';

/** @typedef {import('../page/types').ReadyReplyDto} ReadyReplyDto */
/** @typedef {import('../page/types').ReadyReplyList} ReadyReplyList */

const form = byId('reply-form');
const summary = byId('reply-errors');
const formHeading = byId('reply-form-heading');
const submit = byId('reply-submit');
const cancelEdit = byId('reply-cancel');
const list = byId('reply-list');
const listHeading = byId('reply-list-heading');
const listStatus = byId('reply-list-status');
const filter = byId('reply-filter-language');
const notices = byId('notices');
const confirmDelete = byId('delete-confirm');
/** @type {ItemDialog<ReadyReplyDto>} */
const deleteDialog = new ItemDialog(byId('delete-dialog'), byId('delete-cancel'));
const FIELD_TEXTS = { title: 'replyAdmin.error.title', body: 'replyAdmin.error.body', language: 'replyAdmin.error.language', topic: 'replyAdmin.error.topic' };
/** @type {ReadyReplyDto[]} */
let replies = [];
/** @type {ReadyReplyDto | null} */
let editing = null;

/** @param {string} message @param {string} color */
const notify = (message, color) => notifyIn(notices, message, color);

/* ----- list ----- */

/** @param {ReadyReplyDto} reply */
function item(reply) {
  const edit = el('button', { type: 'button', className: 'ds-button', 'data-variant': 'secondary', 'data-size': 'sm' }, [
    text('replyAdmin.edit'),
    el('span', { className: 'ds-sr-only' }, [`: ${reply.title}`]),
  ]);
  const remove = el('button', { type: 'button', className: 'ds-button', 'data-variant': 'tertiary', 'data-color': 'danger', 'data-size': 'sm' }, [
    text('replyAdmin.delete'),
    el('span', { className: 'ds-sr-only' }, [`: ${reply.title}`]),
  ]);
  edit.addEventListener('click', () => startEdit(reply));
  remove.addEventListener('click', () => askDelete(reply, remove));
  return el('li', { className: 'ds-card reply-admin-item', dataset: { id: reply.id } }, [
    el('h3', { className: 'ds-heading', 'data-size': '2xs', lang: reply.language }, [reply.title]),
    el('p', { className: 'reply-admin-item__tags' }, [
      el('span', { className: 'ds-tag', 'data-color': 'info', 'data-size': 'sm' }, [text(`lang.${reply.language}`)]),
      ' ',
      el('span', { className: 'ds-tag', 'data-color': 'neutral', 'data-size': 'sm' }, [reply.topic ? text(`topic.${reply.topic}`) : text('replyAdmin.anyTopic')]),
    ]),
    el('p', { className: 'ds-paragraph reply-admin-item__body', 'data-size': 'sm', lang: reply.language }, [reply.body]),
    el('div', { className: 'button-row' }, [edit, remove]),
  ]);
}

function render() {
  const language = filter.value;
  const shown = replies.filter((reply) => !language || reply.language === language);
  list.textContent = '';
  for (const reply of shown) list.appendChild(item(reply));
  listStatus.textContent = shown.length ? text('replies.count', { count: shown.length }) : text('replies.none');
}

async function load() {
  const result = await request('GET', '/api/replies');
  if (!result.ok) {
    listStatus.textContent = text('replyAdmin.loadFailed');
    return;
  }
  replies = /** @type {ReadyReplyList} */ (result.body).items || [];
  render();
}

/* ----- create and edit ----- */

function resetForm() {
  editing = null;
  form.reset();
  byId('reply-language').value = data.lang;
  clearFieldErrors(form);
  hideSummary(summary);
  formHeading.textContent = text('replyAdmin.create');
  submit.textContent = text('replyAdmin.save');
  cancelEdit.hidden = true;
}

/** @param {ReadyReplyDto} reply */
function startEdit(reply) {
  resetForm();
  editing = reply;
  byId('reply-title').value = reply.title;
  byId('reply-body').value = reply.body;
  byId('reply-language').value = reply.language;
  byId('reply-topic').value = reply.topic || '';
  formHeading.textContent = text('replyAdmin.editing', { title: reply.title });
  submit.textContent = text('replyAdmin.saveChanges');
  cancelEdit.hidden = false;
  byId('reply-title').focus();
}

/** @param {{ title: string, body: string }} body */
function localErrors(body) {
  const errors = [];
  if (!body.title) errors.push({ field: 'title', message: text('replyAdmin.error.title') });
  if (!body.body) errors.push({ field: 'body', message: text('replyAdmin.error.body') });
  return errors;
}

form.addEventListener('submit', async (/** @type {SubmitEvent} */ event) => {
  event.preventDefault();
  const body = {
    title: byId('reply-title').value.trim(),
    body: byId('reply-body').value.trim(),
    language: byId('reply-language').value,
    topic: byId('reply-topic').value || null,
  };
  const errors = localErrors(body);
  if (errors.length) return reportErrors(form, summary, errors);
  setBusy(submit, true);
  const wasEditing = editing;
  const result = wasEditing ? await request('PATCH', `/api/replies/${encodeURIComponent(wasEditing.id)}`, body) : await request('POST', '/api/replies', body);
  setBusy(submit, false);
  if (!result.ok) return reportErrors(form, summary, inOurWords(errorsFrom(result.body && result.body.error), FIELD_TEXTS));
  /** @type {ReadyReplyDto} */
  const saved = result.body;
  resetForm();
  notify(text(wasEditing ? 'replyAdmin.updated' : 'replyAdmin.created', { title: saved.title }), 'success');
  await load();
  const heading = list.querySelector(`[data-id="${saved.id}"] h3`);
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
});

cancelEdit.addEventListener('click', () => {
  const id = editing && editing.id;
  resetForm();
  const back = id && list.querySelector(`[data-id="${id}"] button`);
  (back || byId('reply-title')).focus();
});

/* ----- delete, after a confirmation ----- */

/** @param {ReadyReplyDto} reply @param {HTMLElement} button */
function askDelete(reply, button) {
  byId('delete-dialog-text').textContent = text('replyAdmin.deleteQuestion', { title: reply.title });
  deleteDialog.open(reply, button, byId('delete-cancel'));
}

confirmDelete.addEventListener('click', async () => {
  const reply = deleteDialog.item;
  if (!reply) return deleteDialog.dialog.close();
  setBusy(confirmDelete, true);
  const result = await request('DELETE', `/api/replies/${encodeURIComponent(reply.id)}`);
  setBusy(confirmDelete, false);
  deleteDialog.finish();
  if (!result.ok) return notify(text('replyAdmin.deleteFailed', { message: firstError(result) }), 'danger');
  if (editing && editing.id === reply.id) resetForm();
  notify(text('replyAdmin.deleted', { title: reply.title }), 'success');
  await load();
  listHeading.focus();
});

filter.addEventListener('change', render);
load();
