/* Supervisors manage the ready-made replies: list, create, edit and delete (after a confirmation). */
(function () {
  'use strict';

  var D = window.Desk;
  var text = D.text;
  var el = D.el;
  var data = D.data;

  function $(id) {
    return document.getElementById(id);
  }

  var form = $('reply-form');
  var summary = $('reply-errors');
  var formHeading = $('reply-form-heading');
  var submit = $('reply-submit');
  var cancelEdit = $('reply-cancel');
  var list = $('reply-list');
  var listHeading = $('reply-list-heading');
  var listStatus = $('reply-list-status');
  var filter = $('reply-filter-language');
  var notices = $('notices');
  var dialog = $('delete-dialog');
  var dialogText = $('delete-dialog-text');
  var confirmDelete = $('delete-confirm');
  var cancelDelete = $('delete-cancel');
  var replies = [];
  var editing = null;
  var deleting = null;
  var returnFocus = null;

  var request = D.request;

  function notify(message, color) {
    D.notify(notices, message, color);
  }

  /* ----- list ----- */

  function item(reply) {
    var edit = el('button', { type: 'button', className: 'ds-button', 'data-variant': 'secondary', 'data-size': 'sm' }, [
      text('replyAdmin.edit'),
      el('span', { className: 'ds-sr-only' }, [': ' + reply.title]),
    ]);
    var remove = el('button', { type: 'button', className: 'ds-button', 'data-variant': 'tertiary', 'data-color': 'danger', 'data-size': 'sm' }, [
      text('replyAdmin.delete'),
      el('span', { className: 'ds-sr-only' }, [': ' + reply.title]),
    ]);
    edit.addEventListener('click', function () { startEdit(reply); });
    remove.addEventListener('click', function () { askDelete(reply, remove); });
    return el('li', { className: 'ds-card reply-admin-item', dataset: { id: reply.id } }, [
      el('h3', { className: 'ds-heading', 'data-size': '2xs', lang: reply.language }, [reply.title]),
      el('p', { className: 'reply-admin-item__tags' }, [
        el('span', { className: 'ds-tag', 'data-color': 'info', 'data-size': 'sm' }, [text('lang.' + reply.language)]),
        ' ',
        el('span', { className: 'ds-tag', 'data-color': 'neutral', 'data-size': 'sm' }, [reply.topic ? text('topic.' + reply.topic) : text('replyAdmin.anyTopic')]),
      ]),
      el('p', { className: 'ds-paragraph reply-admin-item__body', 'data-size': 'sm', lang: reply.language }, [reply.body]),
      el('div', { className: 'button-row' }, [edit, remove]),
    ]);
  }

  function render() {
    var language = filter.value;
    var shown = replies.filter(function (reply) { return !language || reply.language === language; });
    list.textContent = '';
    shown.forEach(function (reply) { list.appendChild(item(reply)); });
    listStatus.textContent = shown.length ? text('replies.count', { count: shown.length }) : text('replies.none');
  }

  function load() {
    return request('GET', '/api/replies').then(function (result) {
      if (!result.ok) {
        listStatus.textContent = text('replyAdmin.loadFailed');
        return;
      }
      replies = result.body.items || [];
      render();
    });
  }

  /* ----- create and edit ----- */

  function resetForm() {
    editing = null;
    form.reset();
    $('reply-language').value = data.lang;
    D.clearFieldErrors(form);
    D.hideSummary(summary);
    formHeading.textContent = text('replyAdmin.create');
    submit.textContent = text('replyAdmin.save');
    cancelEdit.hidden = true;
  }

  function startEdit(reply) {
    resetForm();
    editing = reply;
    $('reply-title').value = reply.title;
    $('reply-body').value = reply.body;
    $('reply-language').value = reply.language;
    $('reply-topic').value = reply.topic || '';
    formHeading.textContent = text('replyAdmin.editing', { title: reply.title });
    submit.textContent = text('replyAdmin.saveChanges');
    cancelEdit.hidden = false;
    $('reply-title').focus();
  }

  function localErrors(body) {
    var errors = [];
    if (!body.title) errors.push({ field: 'title', message: text('replyAdmin.error.title') });
    if (!body.body) errors.push({ field: 'body', message: text('replyAdmin.error.body') });
    return errors;
  }

  var FIELD_TEXTS = { title: 'replyAdmin.error.title', body: 'replyAdmin.error.body', language: 'replyAdmin.error.language', topic: 'replyAdmin.error.topic' };

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = {
      title: $('reply-title').value.trim(),
      body: $('reply-body').value.trim(),
      language: $('reply-language').value,
      topic: $('reply-topic').value || null,
    };
    var errors = localErrors(body);
    if (errors.length) return D.reportErrors(form, summary, errors);
    D.setBusy(submit, true);
    var wasEditing = editing;
    var call = wasEditing ? request('PATCH', '/api/replies/' + encodeURIComponent(wasEditing.id), body) : request('POST', '/api/replies', body);
    call.then(function (result) {
      D.setBusy(submit, false);
      if (!result.ok) {
        var errors = D.errorsFrom(result.body && result.body.error).map(function (error) {
          return error.field && FIELD_TEXTS[error.field] ? { field: error.field, message: text(FIELD_TEXTS[error.field]) } : error;
        });
        return D.reportErrors(form, summary, errors);
      }
      resetForm();
      notify(text(wasEditing ? 'replyAdmin.updated' : 'replyAdmin.created', { title: result.body.title }), 'success');
      load().then(function () {
        var saved = list.querySelector('[data-id="' + result.body.id + '"] h3');
        if (saved) {
          saved.setAttribute('tabindex', '-1');
          saved.focus();
        }
      });
    });
  });

  cancelEdit.addEventListener('click', function () {
    var id = editing && editing.id;
    resetForm();
    var back = id && list.querySelector('[data-id="' + id + '"] button');
    (back || $('reply-title')).focus();
  });

  /* ----- delete, after a confirmation ----- */

  function askDelete(reply, button) {
    deleting = reply;
    returnFocus = button;
    dialogText.textContent = text('replyAdmin.deleteQuestion', { title: reply.title });
    dialog.showModal();
    cancelDelete.focus();
  }

  cancelDelete.addEventListener('click', function () { dialog.close(); });
  dialog.addEventListener('close', function () {
    if (deleting && returnFocus && document.contains(returnFocus)) returnFocus.focus();
    deleting = null;
  });

  confirmDelete.addEventListener('click', function () {
    var reply = deleting;
    if (!reply) return dialog.close();
    D.setBusy(confirmDelete, true);
    request('DELETE', '/api/replies/' + encodeURIComponent(reply.id)).then(function (result) {
      D.setBusy(confirmDelete, false);
      deleting = null;
      dialog.close();
      if (!result.ok) return notify(text('replyAdmin.deleteFailed', { message: D.errorsFrom(result.body && result.body.error)[0].message }), 'danger');
      if (editing && editing.id === reply.id) resetForm();
      notify(text('replyAdmin.deleted', { title: reply.title }), 'success');
      load().then(function () { listHeading.focus(); });
    });
  });

  filter.addEventListener('change', render);
  load();
})();
