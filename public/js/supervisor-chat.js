/*
 * A supervisor's read-only view of one chat: the conversation live (chat:join, message:new), a form
 * for an internal note to the agent (note:add), and one timeline of messages, notes, events and
 * audit records (who looked at the citizen's data), in time order. The timeline is fetched again,
 * a moment after anything happens to the chat or the desk.
 */
(function () {
  'use strict';

  var D = window.Desk;
  var text = D.text;
  var el = D.el;
  var data = D.data;
  var chatId = data.chatId;
  var ACK_TIMEOUT_MS = 10000;
  var REFRESH_DELAY_MS = 1200;
  var REFRESH_EVERY_MS = 30000;
  var AUDIT_PAGES = 5;
  var MAX_LENGTH = data.maxLength || 4000;
  var LOCALES = { nb: 'nb', nn: 'nn', en: 'en-GB' };
  var PROVIDERS = { digipost: 'Digipost', eboks: 'e-Boks', 'e-boks': 'e-Boks' };
  var SOURCES = { krr: 'KRR', idporten: 'ID-porten' };
  var KIND_ORDER = { event: 0, message: 1, note: 2, audit: 3 };
  var KIND_COLORS = { event: 'info', message: 'neutral', note: 'warning', audit: 'danger' };

  function $(id) {
    return document.getElementById(id);
  }

  var ui = {
    conn: $('conn-status'),
    connText: $('conn-text'),
    notices: $('notices'),
    statusTag: $('chat-status-tag'),
    agent: $('chat-agent'),
    verified: $('chat-verified'),
    log: $('chat-log'),
    logStatus: $('chat-log-status'),
    noteForm: $('note-form'),
    noteBody: $('note-body'),
    noteSubmit: $('note-submit'),
    timeline: $('timeline'),
    timelineStatus: $('timeline-status'),
    refresh: $('timeline-refresh'),
  };

  var dateTime = new Intl.DateTimeFormat(LOCALES[data.lang] || 'nb', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Oslo',
  });

  function formatDateTime(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? '' : dateTime.format(date);
  }

  function notify(message, color) {
    D.notify(ui.notices, message, color || 'info');
  }

  function setConnection(kind) {
    ui.conn.dataset.state = kind;
    ui.connText.textContent = text(kind === 'connected' ? 'conn.connected' : kind === 'reconnecting' ? 'conn.reconnecting' : 'conn.connecting');
  }

  function request(url) {
    return fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response
          .json()
          .catch(function () { return null; })
          .then(function (json) { return { ok: response.ok, status: response.status, body: json }; });
      })
      .catch(function () {
        return { ok: false, status: 0, body: null };
      });
  }

  /* ----- the conversation ----- */

  var lastSeq = 0;
  var seen = {};

  function authorLabel(message) {
    return message.authorName || text('author.' + message.author);
  }

  function nearBottom() {
    return ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 80;
  }

  function addMessage(message) {
    if (!message || typeof message.seq !== 'number' || seen[message.seq]) return;
    seen[message.seq] = true;
    var stick = nearBottom();
    var classes = ['msg', message.author === 'agent' ? 'msg--mine' : message.author === 'system' ? 'msg--system' : 'msg--theirs'];
    if (message.kind === 'referral') classes.push('msg--referral');
    var node = el('div', { className: classes.join(' '), dataset: { seq: message.seq } }, [
      el('p', { className: 'msg__meta' }, [
        el('span', { className: 'msg__author' }, [authorLabel(message)]),
        el('time', { datetime: message.createdAt }, [D.formatTime(message.createdAt)]),
      ]),
      message.kind === 'referral' ? el('p', { className: 'msg__title' }, [text('chat.referral')]) : null,
      el('p', { className: 'msg__body' }, [D.linkified(message.body)]),
    ]);
    var before = null;
    for (var i = 0; i < ui.log.children.length; i++) {
      if (Number(ui.log.children[i].dataset.seq) > message.seq) {
        before = ui.log.children[i];
        break;
      }
    }
    ui.log.insertBefore(node, before);
    if (message.seq > lastSeq) lastSeq = message.seq;
    ui.logStatus.hidden = true;
    if (stick) ui.log.scrollTop = ui.log.scrollHeight;
  }

  function showChat(chat) {
    if (!chat) return;
    ui.statusTag.textContent = text('ticketStatus.' + chat.status);
    if (chat.agentName) ui.agent.textContent = chat.agentName;
    ui.verified.textContent = text(chat.verified ? 'supchat.yes' : 'supchat.no');
  }

  function join() {
    socket.timeout(ACK_TIMEOUT_MS).emit('chat:join', { chatId: chatId, afterSeq: lastSeq }, function (err, ack) {
      if (err || !ack || !ack.ok) {
        ui.logStatus.hidden = false;
        ui.logStatus.textContent = text('supchat.joinFailed', { message: D.errorsFrom(ack && ack.error)[0].message });
        return;
      }
      showChat(ack.chat);
      (ack.messages || []).forEach(addMessage);
      if (ui.log.children.length === 0) {
        ui.logStatus.hidden = false;
        ui.logStatus.textContent = text('supchat.noMessages');
      }
    });
  }

  /* ----- internal note to the agent ----- */

  ui.noteForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = ui.noteBody.value.trim();
    D.clearFieldErrors(ui.noteForm);
    if (!body || body.length > MAX_LENGTH) {
      var input = D.setFieldError(ui.noteForm, 'body', text('supchat.error.note'));
      if (input) input.focus();
      return;
    }
    D.setBusy(ui.noteSubmit, true);
    socket.timeout(ACK_TIMEOUT_MS).emit('note:add', { chatId: chatId, body: body }, function (err, ack) {
      D.setBusy(ui.noteSubmit, false);
      if (err || !ack || !ack.ok) {
        var message = err ? text('error.network') : D.errorsFrom(ack && ack.error)[0].message;
        var field = D.setFieldError(ui.noteForm, 'body', text('supchat.noteFailed', { message: message }));
        if (field) field.focus();
        return;
      }
      ui.noteBody.value = '';
      notify(text('supchat.noteAdded'), 'success');
      scheduleRefresh(0);
    });
  });

  /* ----- the timeline ----- */

  function eventText(event) {
    var d = event.data || {};
    var name = event.actorName || '';
    switch (event.type) {
      case 'accepted':
        return name ? text('supchat.event.accepted', { name: name }) : text('tickets.event.accepted');
      case 'transferred':
        return text('supchat.event.transferred', { from: name || '?', to: d.toName || '?' });
      case 'referred':
        return text('supchat.event.referred', { provider: PROVIDERS[d.provider] || String(d.provider || '?'), name: name || '?' });
      case 'closed':
        return text('supchat.event.closed', { name: name || '?', outcome: d.outcome ? text('outcome.' + d.outcome) : '?' });
      case 'rated':
        return text('supchat.event.rated', { score: d.score });
      case 'requeued':
        return text('supchat.event.requeued');
      case 'converted-to-ticket':
        return text('supchat.event.converted');
      case 'verified':
        return text('supchat.event.verified');
      default: {
        var key = 'tickets.event.' + event.type;
        var label = D.hasText(key) ? text(key) : event.type;
        return name ? label + ' – ' + name : label;
      }
    }
  }

  function eventDetail(event) {
    var d = event.data || {};
    if (event.type === 'requeued' || event.type === 'converted-to-ticket') return d.reason ? text('supchat.reason', { reason: String(d.reason) }) : '';
    return '';
  }

  function shorten(body) {
    var s = String(body || '');
    return s.length > 280 ? s.slice(0, 279) + '…' : s;
  }

  function auditEntry(record) {
    var sources = (record.sources || []).map(function (s) { return SOURCES[s] || s; }).join(', ');
    var outcome = Object.keys(record.outcome || {}).map(function (k) { return (SOURCES[k] || k) + ': ' + record.outcome[k]; }).join(', ');
    var details = [text('supchat.audit.purpose', { purpose: record.purpose || '–' }), text('supchat.audit.sources', { sources: sources || '–' })];
    if (record.subject) details.push(text('supchat.audit.subject', { subject: record.subject }));
    if (outcome) details.push(text('supchat.audit.outcome', { outcome: outcome }));
    return {
      kind: 'audit',
      id: 'a' + record.id,
      at: record.createdAt,
      what: text('supchat.audit.lookup', { name: record.actorName }),
      details: details,
    };
  }

  function entriesFrom(ticket, audit) {
    var entries = [];
    (ticket.events || []).forEach(function (event, index) {
      var detail = eventDetail(event);
      entries.push({ kind: 'event', id: 'e' + index + event.type + event.createdAt, at: event.createdAt, what: eventText(event), details: detail ? [detail] : [] });
    });
    (ticket.messages || []).forEach(function (message) {
      var what = message.kind === 'referral'
        ? text('supchat.entry.referral', { name: authorLabel(message) })
        : message.author === 'system'
          ? text('supchat.entry.system')
          : text('supchat.entry.message', { name: authorLabel(message) });
      entries.push({ kind: 'message', id: 'm' + message.id, at: message.createdAt, what: what, quote: shorten(message.body) });
    });
    (ticket.notes || []).forEach(function (note) {
      entries.push({ kind: 'note', id: 'n' + note.id, at: note.createdAt, what: text('supchat.entry.note', { name: note.authorName }), quote: shorten(note.body) });
    });
    audit.forEach(function (record) { entries.push(auditEntry(record)); });
    entries.forEach(function (entry, index) {
      entry.ms = Date.parse(entry.at);
      entry.index = index;
    });
    return entries.sort(function (a, b) {
      return a.ms - b.ms || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.index - b.index;
    });
  }

  function entryNode(entry) {
    return el('li', { className: 'timeline__item supchat-entry', dataset: { kind: entry.kind } }, [
      el('time', { datetime: entry.at }, [formatDateTime(entry.at)]),
      el('span', { className: 'timeline__what' }, [
        el('span', { className: 'ds-tag', 'data-color': KIND_COLORS[entry.kind], 'data-size': 'sm' }, [text('supchat.kind.' + entry.kind)]),
        ' ',
        entry.what,
      ]),
      entry.quote ? el('span', { className: 'timeline__detail supchat-entry__quote' }, [entry.quote]) : null,
    ].concat((entry.details || []).map(function (detail) {
      return el('span', { className: 'timeline__detail' }, [detail]);
    })));
  }

  var shownSignature = '';

  function renderTimeline(entries, auditFailed) {
    var signature = entries.map(function (e) { return e.id; }).join('|') + (auditFailed ? '!' : '');
    if (signature === shownSignature) return;
    shownSignature = signature;
    ui.timeline.textContent = '';
    entries.forEach(function (entry) { ui.timeline.appendChild(entryNode(entry)); });
    var count = text('supchat.timelineCount', { count: entries.length });
    ui.timelineStatus.textContent = auditFailed ? count + ' ' + text('supchat.auditFailed') : count;
  }

  function fetchAudit() {
    var items = [];
    function page(cursor, left) {
      var url = '/api/audit?ticket=' + encodeURIComponent(chatId) + '&limit=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      return request(url).then(function (result) {
        if (!result.ok || !result.body) return null;
        items = items.concat(result.body.items || []);
        if (result.body.nextCursor && left > 1) return page(result.body.nextCursor, left - 1);
        return items;
      });
    }
    return page(null, AUDIT_PAGES);
  }

  var loading = false;
  var again = false;

  function loadTimeline() {
    if (loading) {
      again = true;
      return Promise.resolve();
    }
    loading = true;
    return Promise.all([request('/api/tickets/' + encodeURIComponent(chatId)), fetchAudit()]).then(function (results) {
      loading = false;
      var ticket = results[0];
      if (!ticket.ok || !ticket.body) {
        ui.timelineStatus.textContent = text('supchat.timelineFailed');
      } else {
        renderTimeline(entriesFrom(ticket.body, results[1] || []), results[1] === null);
        ui.statusTag.textContent = text('ticketStatus.' + ticket.body.status);
        ui.agent.textContent = ticket.body.assignee ? ticket.body.assignee.displayName : text('supchat.noAgent');
        ui.verified.textContent = text(ticket.body.verified ? 'supchat.yes' : 'supchat.no');
        if (!joined) (ticket.body.messages || []).forEach(addMessage);
      }
      if (again) {
        again = false;
        scheduleRefresh(0);
      }
    });
  }

  var refreshTimer = null;

  function scheduleRefresh(delay) {
    if (refreshTimer) window.clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(function () {
      refreshTimer = null;
      loadTimeline();
    }, delay === undefined ? REFRESH_DELAY_MS : delay);
  }

  ui.refresh.addEventListener('click', function () {
    D.setBusy(ui.refresh, true);
    shownSignature = '';
    loadTimeline().then(function () { D.setBusy(ui.refresh, false); });
  });

  /* ----- socket ----- */

  var joined = false;
  var socket = window.io('/agent');

  socket.on('connect', function () {
    setConnection('connected');
    joined = true;
    join();
    scheduleRefresh();
  });

  socket.on('disconnect', function (reason) {
    setConnection('reconnecting');
    if (reason === 'io server disconnect') socket.connect();
  });

  socket.on('connect_error', function (error) {
    if (error && error.message === 'UNAUTHENTICATED') {
      window.location.assign('/login?next=' + encodeURIComponent(window.location.pathname));
      return;
    }
    setConnection('reconnecting');
  });

  socket.on('message:new', function (message) {
    if (!message || message.chatId !== chatId) return;
    addMessage(message);
    scheduleRefresh();
  });

  socket.on('note:new', function (note) {
    if (!note || note.chatId !== chatId) return;
    scheduleRefresh();
  });

  socket.on('chat:ended', function (payload) {
    if (!payload || payload.chatId !== chatId) return;
    ui.statusTag.textContent = text('ticketStatus.closed');
    notify(text('supchat.ended'), 'info');
    scheduleRefresh();
  });

  socket.on('board:updated', function () {
    scheduleRefresh();
  });

  loadTimeline();
  window.setInterval(function () { scheduleRefresh(0); }, REFRESH_EVERY_MS);
})();
