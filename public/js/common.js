/*
 * Shared by the page scripts: page data, texts in the page language, DOM helpers and the way
 * form errors are shown (next to the field, tied with aria-describedby, plus a summary).
 * Loaded with `defer` before the page's own script; no inline code anywhere (CSP).
 */
(function () {
  'use strict';

  function readPageData() {
    var block = document.getElementById('page-data');
    if (!block) return {};
    try {
      return JSON.parse(block.textContent || '{}');
    } catch (e) {
      return {};
    }
  }

  var data = readPageData();
  var texts = data.texts || {};
  var LOCALES = { nb: 'nb', nn: 'nn', en: 'en-GB' };
  var locale = LOCALES[data.lang] || 'nb';

  function interpolate(template, args) {
    return String(template).replace(/\{\{\s*([\w.-]+)\s*\}\}/g, function (whole, name) {
      return args && args[name] !== undefined && args[name] !== null ? String(args[name]) : whole;
    });
  }

  /** The text for `key` in the page language (embedded by the server in the page data). */
  function text(key, args) {
    return interpolate(Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key, args || {});
  }

  function hasText(key) {
    return Object.prototype.hasOwnProperty.call(texts, key);
  }

  /** el('p', { className: 'x', dataset: { seq: 1 } }, ['text', childNode]) */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (name) {
        var value = props[name];
        if (value === undefined || value === null || value === false) return;
        if (name === 'className') node.className = value;
        else if (name === 'text') node.textContent = value;
        else if (name === 'dataset') Object.keys(value).forEach(function (k) { node.dataset[k] = value[k]; });
        else if (name === 'hidden') node.hidden = Boolean(value);
        else node.setAttribute(name, value === true ? '' : String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  var timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Oslo' });

  /** "14:05" in Norwegian time, whatever the browser's zone. */
  function formatTime(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? '' : timeFormat.format(date);
  }

  /* ----- form errors ----- */

  function restoreDescribedBy(input) {
    if (input.dataset.describedby) input.setAttribute('aria-describedby', input.dataset.describedby);
    else input.removeAttribute('aria-describedby');
  }

  function inputsNamed(form, field) {
    return Array.prototype.filter.call(form.elements, function (element) { return element.name === field; });
  }

  function clearFieldErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (message) {
      message.hidden = true;
      message.textContent = '';
    });
    form.querySelectorAll('[aria-invalid]').forEach(function (input) {
      input.removeAttribute('aria-invalid');
      restoreDescribedBy(input);
    });
  }

  /** Shows `message` under the field and ties it to the input(s). Returns the first input, if any. */
  function setFieldError(form, field, message) {
    var holder = form.querySelector('[data-error-for="' + field + '"]');
    var inputs = inputsNamed(form, field);
    if (!holder || inputs.length === 0) return null;
    holder.textContent = message;
    holder.hidden = false;
    inputs.forEach(function (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [input.dataset.describedby, holder.id].filter(Boolean).join(' '));
    });
    return inputs[0];
  }

  function hideSummary(summary) {
    if (!summary) return;
    summary.hidden = true;
    var list = summary.querySelector('[data-role="error-list"]');
    if (list) list.textContent = '';
  }

  function showSummary(summary, items) {
    var list = summary.querySelector('[data-role="error-list"]');
    list.textContent = '';
    items.forEach(function (item) {
      var content = item.message;
      if (item.target && item.target.id) {
        var link = el('a', { href: '#' + item.target.id }, [item.message]);
        link.addEventListener('click', function (event) {
          event.preventDefault();
          item.target.focus();
        });
        content = link;
      }
      list.appendChild(el('li', null, [content]));
    });
    summary.hidden = false;
    summary.focus();
  }

  /** The message for one server-side detail: our own text for a known field, else the server's. */
  function detailMessage(detail) {
    var key = 'error.field.' + detail.field;
    return detail.field && hasText(key) ? text(key) : detail.message;
  }

  /**
   * errors: [{ field?, message }]. Each field gets its first message; the summary lists them all,
   * linked to their fields, and takes focus so a screen reader hears what to fix.
   */
  function reportErrors(form, summary, errors) {
    clearFieldErrors(form);
    var done = {};
    var items = [];
    errors.forEach(function (error) {
      if (error.field) {
        if (done[error.field]) return;
        done[error.field] = true;
      }
      var target = error.field ? setFieldError(form, error.field, error.message) : null;
      items.push({ message: error.message, target: target });
    });
    if (summary) showSummary(summary, items);
    else if (items[0] && items[0].target) items[0].target.focus();
  }

  /** Errors from an `{error: {code, message, details}}` body or socket acknowledgement. */
  function errorsFrom(error) {
    if (!error) return [{ message: text('error.generic') }];
    if (error.code === 'RATE_LIMITED') return [{ message: text('error.rateLimited') }];
    // A history search that would take too long: the way to narrow it, under the search field.
    if (error.code === 'QUERY_TOO_BROAD') return [{ field: 'q', message: text('error.queryTooBroad') }];
    var details = Array.isArray(error.details) ? error.details.filter(function (d) { return d && d.message; }) : [];
    if (error.code === 'VALIDATION' && details.length > 0) {
      return details.map(function (detail) { return { field: detail.field, message: detailMessage(detail) }; });
    }
    return [{ message: error.message || text('error.generic') }];
  }

  function formValue(form, name) {
    var inputs = inputsNamed(form, name);
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.type === 'radio' || input.type === 'checkbox') {
        if (input.checked) return input.value;
      } else {
        return input.value;
      }
    }
    return '';
  }

  function setBusy(button, busy) {
    if (!button) return;
    button.disabled = busy;
    if (busy) button.setAttribute('aria-busy', 'true');
    else button.removeAttribute('aria-busy');
  }

  /** A JSON call to the staff API: sends the session's CSRF token on writes; never rejects. */
  function request(method, url, body) {
    var headers = { accept: 'application/json' };
    if (method !== 'GET' && data.csrfToken) headers['x-csrf-token'] = data.csrfToken;
    if (body) headers['content-type'] = 'application/json';
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined })
      .then(function (response) {
        return response
          .json()
          .catch(function () { return null; })
          .then(function (json) { return { ok: response.ok, status: response.status, body: json }; });
      })
      .catch(function () {
        return { ok: false, status: 0, body: { error: { code: 'NETWORK', message: text('error.network') } } };
      });
  }

  /** Replaces what the notices region says (it is a live region in every page that has one). */
  function notify(container, message, color) {
    container.textContent = '';
    container.appendChild(el('div', { className: 'ds-alert', 'data-color': color, 'data-size': 'sm' }, [el('p', { className: 'ds-paragraph' }, [message])]));
  }

  window.Desk = {
    data: data,
    locale: locale,
    text: text,
    hasText: hasText,
    el: el,
    formatTime: formatTime,
    clearFieldErrors: clearFieldErrors,
    setFieldError: setFieldError,
    hideSummary: hideSummary,
    reportErrors: reportErrors,
    errorsFrom: errorsFrom,
    detailMessage: detailMessage,
    formValue: formValue,
    setBusy: setBusy,
    request: request,
    notify: notify,
  };
})();
