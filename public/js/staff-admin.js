/*
 * Admins manage staff accounts: list, create, change role, reset a password (in a dialog) and
 * disable or enable an account (after a confirmation). The server refuses (409) an admin who
 * disables or demotes themselves; the page does not offer it.
 */
(function () {
  'use strict';

  var D = window.Desk;
  var text = D.text;
  var el = D.el;
  var data = D.data;
  var ROLES = data.roles || ['agent', 'supervisor', 'admin'];
  var PASSWORD_MIN = data.passwordMin || 12;
  var PASSWORD_MAX = data.passwordMax || 200;
  var USERNAME = /^[a-z0-9._-]{2,64}$/i;
  var FIELD_TEXTS = {
    username: 'staffAdmin.error.username',
    displayName: 'staffAdmin.error.displayName',
    password: 'staffAdmin.error.password',
    role: 'staffAdmin.error.role',
  };

  function $(id) {
    return document.getElementById(id);
  }

  var form = $('staff-form');
  var summary = $('staff-errors');
  var submit = $('staff-submit');
  var rows = $('staff-rows');
  var table = $('staff-table');
  var listStatus = $('staff-list-status');
  var listHeading = $('staff-list-heading');
  var notices = $('notices');
  var passwordDialog = $('password-dialog');
  var passwordForm = $('password-form');
  var passwordHeading = $('password-dialog-heading');
  var passwordInput = $('reset-password');
  var passwordSave = $('password-save');
  var confirmDialog = $('confirm-dialog');
  var confirmHeading = $('confirm-dialog-heading');
  var confirmText = $('confirm-dialog-text');
  var confirmOk = $('confirm-ok');
  var users = [];
  var pending = null;
  var returnFocus = null;

  var request = D.request;

  function notify(message, color) {
    D.notify(notices, message, color);
  }

  /** Server errors in our words: a field we know gets our text, a taken user name its own. */
  function serverErrors(error) {
    if (error && error.code === 'CONFLICT' && /user name/i.test(error.message || '')) {
      return [{ field: 'username', message: text('staffAdmin.error.taken') }];
    }
    return D.errorsFrom(error).map(function (item) {
      return item.field && FIELD_TEXTS[item.field] ? { field: item.field, message: text(FIELD_TEXTS[item.field], { min: PASSWORD_MIN, max: PASSWORD_MAX }) } : item;
    });
  }

  function firstError(result) {
    return D.errorsFrom(result.body && result.body.error)[0].message;
  }

  function passwordError(password) {
    return password.length < PASSWORD_MIN || password.length > PASSWORD_MAX ? text('staffAdmin.error.password', { min: PASSWORD_MIN, max: PASSWORD_MAX }) : null;
  }

  /* ----- list ----- */

  function srName(user) {
    return el('span', { className: 'ds-sr-only' }, [': ' + user.displayName]);
  }

  function row(user) {
    var self = user.id === data.me;
    var roleCell;
    if (self) {
      roleCell = el('td', null, [text('role.' + user.role)]);
    } else {
      var selectId = 'role-' + user.id;
      var select = el('select', { className: 'ds-input staff-role-select', id: selectId, 'data-size': 'sm' },
        ROLES.map(function (role) {
          return el('option', { value: role, selected: role === user.role }, [text('role.' + role)]);
        }));
      var save = el('button', { type: 'button', className: 'ds-button', 'data-variant': 'secondary', 'data-size': 'sm', dataset: { action: 'role' } }, [
        text('staffAdmin.changeRole'),
        srName(user),
      ]);
      save.addEventListener('click', function () { changeRole(user, select, save); });
      roleCell = el('td', null, [
        el('div', { className: 'staff-role' }, [
          el('label', { className: 'ds-sr-only', for: selectId }, [text('staffAdmin.roleFor', { name: user.displayName })]),
          select,
          save,
        ]),
      ]);
    }

    var account = user.disabled
      ? el('span', { className: 'ds-tag', 'data-color': 'danger', 'data-size': 'sm' }, [text('staffAdmin.disabled')])
      : el('span', { className: 'ds-tag', 'data-color': 'success', 'data-size': 'sm' }, [text('staffAdmin.active')]);

    var reset = el('button', { type: 'button', className: 'ds-button', 'data-variant': 'secondary', 'data-size': 'sm', dataset: { action: 'reset' } }, [
      text('staffAdmin.resetPassword'),
      srName(user),
    ]);
    reset.addEventListener('click', function () { askPassword(user, reset); });
    var actions = [reset];
    if (!self) {
      var toggle = el('button', {
        type: 'button',
        className: 'ds-button',
        'data-variant': 'tertiary',
        'data-color': user.disabled ? 'accent' : 'danger',
        'data-size': 'sm',
        dataset: { action: 'toggle' },
      }, [text(user.disabled ? 'staffAdmin.enable' : 'staffAdmin.disable'), srName(user)]);
      toggle.addEventListener('click', function () { askToggle(user, toggle); });
      actions.push(toggle);
    }

    return el('tr', { dataset: { id: user.id } }, [
      el('th', { scope: 'row' }, [user.displayName, self ? el('span', { className: 'staff-self' }, [' ' + text('staffAdmin.you')]) : null]),
      el('td', null, [user.username]),
      roleCell,
      el('td', null, [account, ' ', el('span', { className: 'staff-presence' }, [text('agentStatus.' + user.status)])]),
      el('td', null, [el('div', { className: 'button-row staff-actions' }, actions)]),
    ]);
  }

  function render() {
    rows.textContent = '';
    users.forEach(function (user) { rows.appendChild(row(user)); });
    table.hidden = users.length === 0;
    listStatus.textContent = text('staffAdmin.count', { count: users.length });
  }

  function load() {
    return request('GET', '/api/admin/users').then(function (result) {
      if (!result.ok || !result.body) {
        listStatus.textContent = text('staffAdmin.loadFailed');
        return;
      }
      users = (result.body.users || []).slice().sort(function (a, b) {
        return Number(a.disabled) - Number(b.disabled) || a.displayName.localeCompare(b.displayName);
      });
      render();
    });
  }

  /** After the list is drawn again: focus the same control in the same row, or the list heading. */
  function refocus(id, action) {
    var target = rows.querySelector('tr[data-id="' + id + '"] [data-action="' + action + '"]') || rows.querySelector('tr[data-id="' + id + '"] th');
    if (target && target.tagName === 'TH') target.setAttribute('tabindex', '-1');
    (target || listHeading).focus();
  }

  /* ----- create ----- */

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = {
      username: $('staff-username').value.trim(),
      displayName: $('staff-display-name').value.trim(),
      role: $('staff-role').value,
      password: $('staff-password').value,
    };
    var errors = [];
    if (!USERNAME.test(body.username)) errors.push({ field: 'username', message: text('staffAdmin.error.username') });
    if (!body.displayName || body.displayName.length > 100) errors.push({ field: 'displayName', message: text('staffAdmin.error.displayName') });
    if (ROLES.indexOf(body.role) < 0) errors.push({ field: 'role', message: text('staffAdmin.error.role') });
    var pw = passwordError(body.password);
    if (pw) errors.push({ field: 'password', message: pw });
    if (errors.length) return D.reportErrors(form, summary, errors);
    D.setBusy(submit, true);
    request('POST', '/api/admin/users', body).then(function (result) {
      D.setBusy(submit, false);
      if (!result.ok) return D.reportErrors(form, summary, serverErrors(result.body && result.body.error));
      form.reset();
      D.clearFieldErrors(form);
      D.hideSummary(summary);
      var created = result.body.user;
      notify(text('staffAdmin.created', { name: created.displayName, username: created.username }), 'success');
      load().then(function () { refocus(created.id, 'reset'); });
    });
  });

  /* ----- change role ----- */

  function changeRole(user, select, button) {
    if (select.value === user.role) return notify(text('staffAdmin.roleUnchanged', { name: user.displayName }), 'info');
    D.setBusy(button, true);
    request('PATCH', '/api/admin/users/' + encodeURIComponent(user.id), { role: select.value }).then(function (result) {
      D.setBusy(button, false);
      if (!result.ok) {
        select.value = user.role;
        return notify(text('staffAdmin.failed', { message: firstError(result) }), 'danger');
      }
      notify(text('staffAdmin.roleChanged', { name: user.displayName, role: text('role.' + result.body.user.role) }), 'success');
      load().then(function () { refocus(user.id, 'role'); });
    });
  }

  /* ----- reset password, in a dialog ----- */

  function askPassword(user, button) {
    pending = user;
    returnFocus = button;
    passwordForm.reset();
    D.clearFieldErrors(passwordForm);
    passwordHeading.textContent = text('staffAdmin.resetHeading', { name: user.displayName });
    passwordDialog.showModal();
    passwordInput.focus();
  }

  $('password-cancel').addEventListener('click', function () { passwordDialog.close(); });
  passwordDialog.addEventListener('close', function () {
    passwordForm.reset();
    D.clearFieldErrors(passwordForm);
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
    pending = null;
  });

  passwordForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var user = pending;
    if (!user) return passwordDialog.close();
    var password = passwordInput.value;
    D.clearFieldErrors(passwordForm);
    var pw = passwordError(password);
    if (pw) {
      var input = D.setFieldError(passwordForm, 'password', pw);
      if (input) input.focus();
      return;
    }
    D.setBusy(passwordSave, true);
    request('PATCH', '/api/admin/users/' + encodeURIComponent(user.id), { password: password }).then(function (result) {
      D.setBusy(passwordSave, false);
      if (!result.ok) {
        var error = serverErrors(result.body && result.body.error)[0];
        var field = D.setFieldError(passwordForm, 'password', error.message);
        if (field) field.focus();
        return;
      }
      passwordDialog.close();
      notify(text('staffAdmin.passwordReset', { name: user.displayName }), 'success');
    });
  });

  /* ----- disable and enable, after a confirmation ----- */

  function askToggle(user, button) {
    pending = user;
    returnFocus = button;
    var disabling = !user.disabled;
    confirmHeading.textContent = text(disabling ? 'staffAdmin.disableHeading' : 'staffAdmin.enableHeading', { name: user.displayName });
    confirmText.textContent = text(disabling ? 'staffAdmin.disableQuestion' : 'staffAdmin.enableQuestion', { name: user.displayName });
    confirmOk.textContent = text(disabling ? 'staffAdmin.disableConfirm' : 'staffAdmin.enableConfirm');
    confirmOk.dataset.color = disabling ? 'danger' : 'accent';
    confirmDialog.showModal();
    $('confirm-cancel').focus();
  }

  $('confirm-cancel').addEventListener('click', function () { confirmDialog.close(); });
  confirmDialog.addEventListener('close', function () {
    if (pending && returnFocus && document.contains(returnFocus)) returnFocus.focus();
    pending = null;
  });

  confirmOk.addEventListener('click', function () {
    var user = pending;
    if (!user) return confirmDialog.close();
    D.setBusy(confirmOk, true);
    request('PATCH', '/api/admin/users/' + encodeURIComponent(user.id), { disabled: !user.disabled }).then(function (result) {
      D.setBusy(confirmOk, false);
      pending = null;
      confirmDialog.close();
      if (!result.ok) return notify(text('staffAdmin.failed', { message: firstError(result) }), 'danger');
      var now = result.body.user;
      notify(text(now.disabled ? 'staffAdmin.wasDisabled' : 'staffAdmin.wasEnabled', { name: user.displayName }), 'success');
      load().then(function () { refocus(user.id, 'toggle'); });
    });
  });

  load();
})();
