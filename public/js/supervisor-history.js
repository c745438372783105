/*
 * The supervisor's history search. The form is sent to GET /api/history with fetch; results come
 * newest first, "load more" follows nextCursor. The export link always carries the same filters.
 * Snippets arrive as escaped HTML with <mark>; they are rebuilt here as text nodes and <mark>
 * elements, never inserted as HTML. The count is announced politely in one status line.
 */
(function () {
  'use strict';

  var D = window.Desk;
  var text = D.text;
  var el = D.el;
  var data = D.data;
  var FIELDS = ['q', 'from', 'to', 'agent', 'topic', 'channel', 'outcome', 'provider', 'rating', 'verified'];
  var PAGE_SIZE = 25;
  var dateFormat = new Intl.DateTimeFormat(D.locale, {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Oslo',
  });

  function $(id) {
    return document.getElementById(id);
  }

  var ui = {
    form: $('history-form'),
    submit: $('history-submit'),
    agent: $('history-agent'),
    exportLink: $('history-export'),
    notices: $('history-notices'),
    status: $('history-status'),
    list: $('history-list'),
    more: $('history-more'),
  };

  var shown = 0;
  var nextCursor = null;
  var currentQuery = '';

  /** A date field (yyyy-mm-dd) as the start of that day in the browser's zone, ISO 8601. */
  function dayStart(value, plusDays) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
    if (!parts) return '';
    var date = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]) + (plusDays || 0));
    return isNaN(date.getTime()) ? '' : date.toISOString();
  }

  function filterParams() {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) {
      var value = String(D.formValue(ui.form, name) || '').trim();
      if (name === 'from') value = dayStart(value, 0);
      if (name === 'to') value = dayStart(value, 1); // the API's `to` is exclusive: include the whole day
      if (value) params.set(name, value);
    });
    return params;
  }

  function updateExportLink() {
    var query = filterParams().toString();
    ui.exportLink.href = '/api/history/export.csv' + (query ? '?' + query : '');
  }

  function formatDate(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? '' : dateFormat.format(date);
  }

  var ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&#039;': "'" };

  function decode(escaped) {
    return escaped.replace(/&(?:amp|lt|gt|quot|#39|#x27|#039);/g, function (entity) { return ENTITIES[entity]; });
  }

  /**
   * The snippet's escaped HTML as DOM nodes: only <mark> and </mark> are honoured; if anything
   * else looks like a tag the whole snippet is shown as plain text without marks.
   */
  function snippetNodes(html) {
    var source = String(html || '');
    var parts = source.split(/(<mark>|<\/mark>)/);
    var clean = parts.every(function (part) { return part === '<mark>' || part === '</mark>' || !/[<>]/.test(part); });
    var fragment = document.createDocumentFragment();
    if (!clean) {
      fragment.appendChild(document.createTextNode(decode(source.replace(/<\/?mark>/g, '').replace(/<[^>]*>/g, ''))));
      return fragment;
    }
    var mark = null;
    parts.forEach(function (part) {
      if (part === '<mark>') {
        mark = mark || el('mark');
      } else if (part === '</mark>') {
        if (mark) fragment.appendChild(mark);
        mark = null;
      } else if (part) {
        (mark || fragment).appendChild(document.createTextNode(decode(part)));
      }
    });
    if (mark) fragment.appendChild(mark);
    return fragment;
  }

  function snippetItem(snippet) {
    var note = snippet.source === 'note';
    var label = note ? text('history.snippet.note', { name: snippet.authorName || '' }) : text('history.snippet.message', { author: snippetAuthor(snippet) });
    return el('li', { className: 'history-snippet', dataset: { source: note ? 'note' : 'message' } }, [
      el('span', { className: note ? 'ds-tag history-snippet__label' : 'history-snippet__label', 'data-color': note ? 'warning' : null, 'data-size': note ? 'sm' : null }, [label]),
      ' ',
      el('span', { className: 'history-snippet__text' }, [snippetNodes(snippet.text)]),
    ]);
  }

  function snippetAuthor(snippet) {
    if (snippet.authorName) return snippet.authorName;
    if (snippet.author === 'citizen') return text('history.author.citizen');
    if (snippet.author === 'agent') return text('history.author.agent');
    return text('history.author.system');
  }

  function fact(label, value) {
    return el('div', null, [el('dt', null, [label]), el('dd', null, [value])]);
  }

  function resultItem(item) {
    var link = el('a', { className: 'ds-link', href: '/supervisor/chats/' + encodeURIComponent(item.chatId) }, [item.reference]);
    var facts = el('dl', { className: 'history-facts' }, [
      fact(text('history.col.date'), formatDate(item.createdAt)),
      fact(text('history.col.topic'), text('topic.' + item.topic)),
      fact(text('history.col.channel'), text('channel.' + item.channel)),
      fact(text('history.col.agent'), item.agent ? item.agent.displayName : text('history.none')),
      fact(text('history.col.outcome'), item.outcome ? text('outcome.' + item.outcome) : text('history.none')),
      fact(text('history.col.provider'), item.referredProvider ? text('history.provider.' + item.referredProvider) : text('history.none')),
      fact(text('history.col.rating'), item.rating ? text('history.ratingValue', { rating: item.rating }) : text('history.none')),
      fact(text('history.col.verified'), text(item.verified ? 'history.verified.yes' : 'history.verified.no')),
    ]);
    var children = [el('h3', { className: 'ds-heading', 'data-size': '2xs' }, [link]), facts];
    if (item.snippets && item.snippets.length > 0) {
      children.push(el('ul', { className: 'history-snippets', 'aria-label': text('history.snippets') }, item.snippets.map(snippetItem)));
    } else if (item.preview) {
      children.push(el('p', { className: 'ds-paragraph history-preview', 'data-size': 'sm' }, [item.preview]));
    }
    return el('li', { className: 'ds-card history-item' }, children);
  }

  function announce() {
    if (shown === 0) ui.status.textContent = text('history.count.none');
    else if (nextCursor) ui.status.textContent = text('history.count.more', { count: shown });
    else ui.status.textContent = text(shown === 1 ? 'history.count.one' : 'history.count.all', { count: shown });
  }

  function load(append) {
    var params = filterParams();
    params.set('limit', String(PAGE_SIZE));
    if (append && nextCursor) params.set('cursor', nextCursor);
    var button = append ? ui.more : ui.submit;
    D.setBusy(button, true);
    ui.notices.textContent = '';
    if (!append) ui.status.textContent = text('history.loading');
    var query = params.toString();
    currentQuery = query;
    return D.request('GET', '/api/history?' + query).then(function (result) {
      D.setBusy(button, false);
      if (currentQuery !== query) return;
      if (!result.ok || !result.body || !Array.isArray(result.body.items)) {
        var errors = D.errorsFrom(result.body && result.body.error);
        D.reportErrors(ui.form, null, errors.filter(function (e) { return e.field; }));
        D.notify(ui.notices, errors.map(function (e) { return e.message; }).join(' '), 'danger');
        ui.status.textContent = text('history.failed');
        return;
      }
      D.clearFieldErrors(ui.form);
      if (!append) {
        ui.list.textContent = '';
        shown = 0;
      }
      var firstNew = null;
      result.body.items.forEach(function (item) {
        var node = resultItem(item);
        if (!firstNew) firstNew = node;
        ui.list.appendChild(node);
        shown += 1;
      });
      nextCursor = result.body.nextCursor || null;
      ui.more.hidden = !nextCursor;
      announce();
      // After "load more" the keyboard continues at the first new result.
      if (append && firstNew) {
        var link = firstNew.querySelector('a');
        if (link) link.focus();
      }
    });
  }

  function fillAgents() {
    if (typeof window.io !== 'function') return;
    var socket = window.io('/agent');
    socket.emit('agents:list', {}, function (ack) {
      socket.disconnect();
      if (!ack || !ack.ok || !Array.isArray(ack.agents)) return;
      ack.agents
        .slice()
        .sort(function (a, b) { return String(a.displayName).localeCompare(String(b.displayName)); })
        .forEach(function (agent) {
          ui.agent.appendChild(el('option', { value: agent.id }, [agent.displayName]));
        });
    });
  }

  ui.form.addEventListener('submit', function (event) {
    event.preventDefault();
    updateExportLink();
    load(false);
  });
  ui.form.addEventListener('input', updateExportLink);
  ui.form.addEventListener('change', updateExportLink);
  ui.form.addEventListener('reset', function () {
    window.setTimeout(function () {
      updateExportLink();
      load(false);
    }, 0);
  });
  ui.more.addEventListener('click', function () { load(true); });

  fillAgents();
  updateExportLink();
  load(false);
})();
