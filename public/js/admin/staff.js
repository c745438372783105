// @ts-check
/*
 * Admins manage staff accounts: list, create, change role, reset a password (in a dialog) and
 * disable or enable an account (after a confirmation). The server refuses (409) an admin who
 * disables or demotes themselves; the page does not offer it.
 */
import { byId, notify as notifyIn, setBusy } from '../page/dom.js';
import { inOurWords } from '../page/field-texts.js';
import { clearFieldErrors, errorsFrom, firstError, hideSummary, reportErrors, setFieldError } from '../page/form-errors.js';
import { request } from '../page/http.js';
import { ItemDialog } from '../page/item-dialog.js';
import { data, text } from '../page/page-data.js';
import { ROLES, staffRow } from './staff-rows.js';

/** @typedef {import('../page/types').StaffMemberDto} StaffMemberDto */

const PASSWORD_MIN = data.passwordMin || 12;
const PASSWORD_MAX = data.passwordMax || 200;
const USERNAME = /^[a-z0-9._-]{2,64}$/i;
const FIELD_TEXTS = {
  username: 'staffAdmin.error.username',
  displayName: 'staffAdmin.error.displayName',
  password: 'staffAdmin.error.password',
  role: 'staffAdmin.error.role',
};

const form = byId('staff-form');
const summary = byId('staff-errors');
const submit = byId('staff-submit');
const rows = byId('staff-rows');
const listHeading = byId('staff-list-heading');
const passwordForm = byId('password-form');
const passwordInput = byId('reset-password');
const passwordSave = byId('password-save');
const confirmOk = byId('confirm-ok');
/** @type {ItemDialog<StaffMemberDto>} */
const passwordDialog = new ItemDialog(byId('password-dialog'), byId('password-cancel'), {
  alwaysRefocus: true,
  onClose: () => {
    passwordForm.reset();
    clearFieldErrors(passwordForm);
  },
});
/** @type {ItemDialog<StaffMemberDto>} */
const confirmDialog = new ItemDialog(byId('confirm-dialog'), byId('confirm-cancel'));
/** @type {StaffMemberDto[]} */
let users = [];

/** @param {string} message @param {string} color */
const notify = (message, color) => notifyIn(byId('notices'), message, color);

/**
 * Server errors in our words: a field we know gets our text, a taken user name its own.
 * @param {any} error
 */
function serverErrors(error) {
  if (error && error.code === 'CONFLICT' && /user name/i.test(error.message || '')) {
    return [{ field: 'username', message: text('staffAdmin.error.taken') }];
  }
  return inOurWords(errorsFrom(error), FIELD_TEXTS, { min: PASSWORD_MIN, max: PASSWORD_MAX });
}

/** @param {string} password */
const passwordError = (password) =>
  password.length < PASSWORD_MIN || password.length > PASSWORD_MAX ? text('staffAdmin.error.password', { min: PASSWORD_MIN, max: PASSWORD_MAX }) : null;

/* ----- list ----- */

const actions = { changeRole, resetPassword, toggle };

function render() {
  rows.textContent = '';
  for (const user of users) rows.appendChild(staffRow(user, actions));
  byId('staff-table').hidden = users.length === 0;
  byId('staff-list-status').textContent = text('staffAdmin.count', { count: users.length });
}

async function load() {
  const result = await request('GET', '/api/admin/users');
  if (!result.ok || !result.body) {
    byId('staff-list-status').textContent = text('staffAdmin.loadFailed');
    return;
  }
  /** @type {StaffMemberDto[]} */
  const list = result.body.users || [];
  users = list.slice().sort((a, b) => Number(a.disabled) - Number(b.disabled) || a.displayName.localeCompare(b.displayName));
  render();
}

/**
 * After the list is drawn again: focus the same control in the same row, or the list heading.
 * @param {string} id
 * @param {string} action
 */
function refocus(id, action) {
  const target = rows.querySelector(`tr[data-id="${id}"] [data-action="${action}"]`) || rows.querySelector(`tr[data-id="${id}"] th`);
  if (target && target.tagName === 'TH') target.setAttribute('tabindex', '-1');
  (target || listHeading).focus();
}

/* ----- create ----- */

form.addEventListener('submit', async (/** @type {SubmitEvent} */ event) => {
  event.preventDefault();
  const body = {
    username: byId('staff-username').value.trim(),
    displayName: byId('staff-display-name').value.trim(),
    role: byId('staff-role').value,
    password: byId('staff-password').value,
  };
  const errors = [];
  if (!USERNAME.test(body.username)) errors.push({ field: 'username', message: text('staffAdmin.error.username') });
  if (!body.displayName || body.displayName.length > 100) errors.push({ field: 'displayName', message: text('staffAdmin.error.displayName') });
  if (!ROLES.includes(body.role)) errors.push({ field: 'role', message: text('staffAdmin.error.role') });
  const pw = passwordError(body.password);
  if (pw) errors.push({ field: 'password', message: pw });
  if (errors.length) return reportErrors(form, summary, errors);
  setBusy(submit, true);
  const result = await request('POST', '/api/admin/users', body);
  setBusy(submit, false);
  if (!result.ok) return reportErrors(form, summary, serverErrors(result.body && result.body.error));
  form.reset();
  clearFieldErrors(form);
  hideSummary(summary);
  /** @type {StaffMemberDto} */
  const created = result.body.user;
  notify(text('staffAdmin.created', { name: created.displayName, username: created.username }), 'success');
  await load();
  refocus(created.id, 'reset');
});

/* ----- change role ----- */

/** @param {StaffMemberDto} user @param {HTMLSelectElement} select @param {HTMLElement} button */
async function changeRole(user, select, button) {
  if (select.value === user.role) return notify(text('staffAdmin.roleUnchanged', { name: user.displayName }), 'info');
  setBusy(button, true);
  const result = await request('PATCH', `/api/admin/users/${encodeURIComponent(user.id)}`, { role: select.value });
  setBusy(button, false);
  if (!result.ok) {
    select.value = user.role;
    return notify(text('staffAdmin.failed', { message: firstError(result) }), 'danger');
  }
  notify(text('staffAdmin.roleChanged', { name: user.displayName, role: text(`role.${result.body.user.role}`) }), 'success');
  await load();
  refocus(user.id, 'role');
}

/* ----- reset password, in a dialog ----- */

/** @param {StaffMemberDto} user @param {HTMLElement} button */
function resetPassword(user, button) {
  passwordForm.reset();
  clearFieldErrors(passwordForm);
  byId('password-dialog-heading').textContent = text('staffAdmin.resetHeading', { name: user.displayName });
  passwordDialog.open(user, button, passwordInput);
}

passwordForm.addEventListener('submit', async (/** @type {SubmitEvent} */ event) => {
  event.preventDefault();
  const user = passwordDialog.item;
  if (!user) return passwordDialog.dialog.close();
  const password = passwordInput.value;
  clearFieldErrors(passwordForm);
  const pw = passwordError(password);
  if (pw) {
    setFieldError(passwordForm, 'password', pw)?.focus();
    return;
  }
  setBusy(passwordSave, true);
  const result = await request('PATCH', `/api/admin/users/${encodeURIComponent(user.id)}`, { password });
  setBusy(passwordSave, false);
  if (!result.ok) {
    setFieldError(passwordForm, 'password', serverErrors(result.body && result.body.error)[0].message)?.focus();
    return;
  }
  passwordDialog.dialog.close();
  notify(text('staffAdmin.passwordReset', { name: user.displayName }), 'success');
});

/* ----- disable and enable, after a confirmation ----- */

/** @param {StaffMemberDto} user @param {HTMLElement} button */
function toggle(user, button) {
  const disabling = !user.disabled;
  byId('confirm-dialog-heading').textContent = text(disabling ? 'staffAdmin.disableHeading' : 'staffAdmin.enableHeading', { name: user.displayName });
  byId('confirm-dialog-text').textContent = text(disabling ? 'staffAdmin.disableQuestion' : 'staffAdmin.enableQuestion', { name: user.displayName });
  confirmOk.textContent = text(disabling ? 'staffAdmin.disableConfirm' : 'staffAdmin.enableConfirm');
  confirmOk.dataset.color = disabling ? 'danger' : 'accent';
  confirmDialog.open(user, button, byId('confirm-cancel'));
}

confirmOk.addEventListener('click', async () => {
  const user = confirmDialog.item;
  if (!user) return confirmDialog.dialog.close();
  setBusy(confirmOk, true);
  const result = await request('PATCH', `/api/admin/users/${encodeURIComponent(user.id)}`, { disabled: !user.disabled });
  // The dialog stays open until the row is drawn again: closing it first would give focus back,
  // for a moment, to the old row's button, which still offers the action just done.
  if (result.ok) await load();
  setBusy(confirmOk, false);
  confirmDialog.finish();
  if (!result.ok) return notify(text('staffAdmin.failed', { message: firstError(result) }), 'danger');
  /** @type {StaffMemberDto} */
  const now = result.body.user;
  notify(text(now.disabled ? 'staffAdmin.wasDisabled' : 'staffAdmin.wasEnabled', { name: user.displayName }), 'success');
  refocus(user.id, 'toggle');
});

load();
