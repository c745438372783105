/* Staff log-in: JSON to /api/auth/login, then on to `next` (a path on this site) or the console. */
(function () {
  'use strict';

  var D = window.Desk;
  var text = D.text;
  var form = document.getElementById('login-form');
  var alertBox = document.getElementById('login-error');
  var alertText = document.getElementById('login-error-text');
  var submit = document.getElementById('login-submit');
  var busy = document.getElementById('login-busy');

  function localPath(value) {
    return typeof value === 'string' && value.charAt(0) === '/' && value.charAt(1) !== '/' && value.indexOf('\\') === -1 ? value : '/agent';
  }

  function showError(message) {
    alertText.textContent = message;
    alertBox.hidden = false;
    alertBox.focus();
  }

  function setBusy(on) {
    D.setBusy(submit, on);
    busy.textContent = on ? text('login.busy') : '';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    alertBox.hidden = true;
    D.clearFieldErrors(form);
    var username = D.formValue(form, 'username').trim();
    var password = D.formValue(form, 'password');
    var errors = [];
    if (!username) errors.push({ field: 'username', message: text('error.field.username') });
    if (!password) errors.push({ field: 'password', message: text('error.field.password') });
    if (errors.length) return D.reportErrors(form, null, errors);

    setBusy(true);
    D.request('POST', '/api/auth/login', { username: username, password: password }).then(function (result) {
      if (result.ok) {
        window.location.assign(localPath(D.data.next));
        return;
      }
      setBusy(false);
      form.elements.namedItem('password').value = '';
      if (result.status === 401) return showError(text('login.wrong'));
      if (result.status === 429) return showError(text('login.tooMany'));
      var found = D.errorsFrom(result.body && result.body.error);
      if (found.some(function (e) { return e.field; })) return D.reportErrors(form, null, found);
      showError(found[0].message);
    });
  });
})();
