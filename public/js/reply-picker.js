/*
 * Ready-made replies beside a message box: a disclosure with a search field, a language choice
 * and the matching replies as buttons. Type to filter, arrow keys (or Tab) to move through the
 * results, Enter or click inserts the reply into the message box; nothing is sent.
 */
(function () {
  'use strict';

  var D = window.Desk;
  var text = D.text;
  var el = D.el;
  var LANGUAGES = ['nb', 'nn', 'en'];
  var cache = {};

  function load(language, callback) {
    if (cache[language]) return callback(cache[language]);
    fetch('/api/replies?language=' + encodeURIComponent(language), { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (list) {
        if (list && Array.isArray(list.items)) cache[language] = list.items;
        callback(list && Array.isArray(list.items) ? list.items : null);
      })
      .catch(function () { callback(null); });
  }

  function normalise(value) {
    return String(value || '').toLocaleLowerCase();
  }

  function preview(body) {
    var flat = String(body || '').replace(/\s+/g, ' ').trim();
    return flat.length > 120 ? flat.slice(0, 117) + '…' : flat;
  }

  /** Inserts at the caret (replacing a selection), so a reply can go into a half-written message. */
  function insertInto(textarea, body) {
    var start = typeof textarea.selectionStart === 'number' ? textarea.selectionStart : textarea.value.length;
    var end = typeof textarea.selectionEnd === 'number' ? textarea.selectionEnd : start;
    var before = textarea.value.slice(0, start);
    var after = textarea.value.slice(end);
    var glue = before && !/\s$/.test(before) ? ' ' : '';
    textarea.value = before + glue + body + after;
    var caret = (before + glue + body).length;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }

  /** attach({ textarea, idPrefix, language, topic }) → the disclosure element to put in the page. */
  function attach(options) {
    var id = options.idPrefix;
    var language = LANGUAGES.indexOf(options.language) !== -1 ? options.language : LANGUAGES.indexOf(D.data.lang) !== -1 ? D.data.lang : 'nb';
    var items = [];
    var timer = null;

    var search = el('input', { className: 'ds-input', type: 'search', id: id + '-replies-q', autocomplete: 'off', 'aria-describedby': id + '-replies-hint', 'aria-controls': id + '-replies-list' });
    var select = el(
      'select',
      { className: 'ds-input', id: id + '-replies-lang' },
      LANGUAGES.map(function (code) {
        return el('option', { value: code, selected: code === language }, [text('lang.' + code)]);
      }),
    );
    var count = el('p', { className: 'ds-paragraph reply-picker__count', 'data-size': 'sm', role: 'status', id: id + '-replies-count' });
    var list = el('ul', { className: 'reply-list', id: id + '-replies-list', 'aria-labelledby': id + '-replies-count' });
    var details = el('details', { className: 'ds-details reply-picker', dataset: { role: 'replies' } }, [
      el('summary', null, [text('replies.title')]),
      el('div', { className: 'stack' }, [
        el('div', { className: 'reply-picker__filters' }, [
          el('div', { className: 'ds-field' }, [el('label', { className: 'ds-label', for: search.id }, [text('replies.search')]), search]),
          el('div', { className: 'ds-field' }, [el('label', { className: 'ds-label', for: select.id }, [text('replies.language')]), select]),
        ]),
        el('p', { className: 'ds-paragraph', 'data-size': 'sm', id: id + '-replies-hint' }, [text('replies.hint')]),
        count,
        list,
      ]),
    ]);

    function render() {
      var query = normalise(search.value.trim());
      var matches = items.filter(function (reply) {
        return !query || normalise(reply.title).indexOf(query) !== -1 || normalise(reply.body).indexOf(query) !== -1;
      });
      // Replies for the chat's topic first, then the general ones.
      matches.sort(function (a, b) {
        return (b.topic === options.topic ? 1 : 0) - (a.topic === options.topic ? 1 : 0);
      });
      list.textContent = '';
      matches.forEach(function (reply) {
        var button = el('button', { type: 'button', className: 'reply-option', lang: reply.language }, [
          el('span', { className: 'reply-option__title' }, [reply.title]),
          el('span', { className: 'reply-option__body' }, [preview(reply.body)]),
        ]);
        button.addEventListener('click', function () {
          insertInto(options.textarea, reply.body);
          count.textContent = text('replies.inserted', { title: reply.title });
        });
        list.appendChild(el('li', null, [button]));
      });
      count.textContent = matches.length ? text('replies.count', { count: matches.length }) : text('replies.none');
    }
    function refresh() {
      count.textContent = text('replies.loading');
      load(select.value, function (loaded) {
        if (!loaded) {
          items = [];
          list.textContent = '';
          count.textContent = text('replies.failed');
          return;
        }
        items = loaded;
        render();
      });
    }

    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(render, 150);
    });
    search.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown') {
        var first = list.querySelector('button');
        if (first) {
          event.preventDefault();
          first.focus();
        }
      } else if (event.key === 'Enter') {
        // Enter in the search field must not submit the composer around it.
        event.preventDefault();
        clearTimeout(timer);
        render();
      }
    });
    list.addEventListener('keydown', function (event) {
      var buttons = Array.prototype.slice.call(list.querySelectorAll('button'));
      var index = buttons.indexOf(document.activeElement);
      if (index === -1) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        var next = index + (event.key === 'ArrowDown' ? 1 : -1);
        if (next < 0) search.focus();
        else if (next < buttons.length) buttons[next].focus();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        search.focus();
      }
    });
    select.addEventListener('change', refresh);
    details.addEventListener('toggle', function () {
      if (details.open && items.length === 0) refresh();
    });
    return details;
  }

  window.DeskReplies = { attach: attach };
})();
