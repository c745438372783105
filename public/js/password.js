/* Changing the own password (required after a generated or reset one): JSON to /api/auth/password, then on to the console. */
(function () {
  'use strict';

  var D = window.Desk;
  var text = D.text;
  var form = document.getElementById('password-form');
  var alertBox = document.getElementById('password-error');
  var alertText = document.getElementById('password-error-text');
  var submit = document.getElementById('password-submit');
  var busy = document.getElementById('password-busy');

  function showError(message) {
    alertText.textContent = message;
    alertBox.hidden = false;
    alertBox.focus();
  }

  function setBusy(on) {
    D.setBusy(submit, on);
    busy.textContent = on ? text('password.busy') : '';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    alertBox.hidden = true;
    D.clearFieldErrors(form);
    var currentPassword = D.formValue(form, 'currentPassword');
    var newPassword = D.formValue(form, 'newPassword');
    var errors = [];
    if (!currentPassword) errors.push({ field: 'currentPassword', message: text('password.currentMissing') });
    if (newPassword.length < 12 || newPassword.length > 200) errors.push({ field: 'newPassword', message: text('error.field.newPassword') });
    if (errors.length) return D.reportErrors(form, null, errors);

    setBusy(true);
    D.request('POST', '/api/auth/password', { currentPassword: currentPassword, newPassword: newPassword }).then(function (result) {
      if (result.ok) {
        window.location.assign('/agent');
        return;
      }
      setBusy(false);
      if (result.status === 401) {
        window.location.assign('/login?next=%2Fpassword');
        return;
      }
      var found = D.errorsFrom(result.body && result.body.error);
      if (found.some(function (e) { return e.field; })) return D.reportErrors(form, null, found);
      showError(found[0].message);
    });
  });
})();
