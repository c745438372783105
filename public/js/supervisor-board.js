/*
 * The supervisor's live board. The server pushes `board:updated` on connect and on every change of
 * the desk; waits and ages tick here every second from the instants in the snapshot, measured on
 * the server's clock. One polite status line says what changed; the tables are not live regions.
 */
(function () {
  'use strict';

  var D = window.Desk;
  var text = D.text;
  var el = D.el;
  var data = D.data;
  var TICK_MS = 1000;
  var STATUS_ORDER = { available: 0, away: 1, offline: 2 };
  var STATUS_COLORS = { available: 'success', away: 'warning', offline: 'neutral' };
  // The server's clock may be set (FAKE_NOW); ages are measured on it, not on the browser's.
  var clockOffset = data.serverNow ? Date.parse(data.serverNow) - Date.now() : 0;

  function $(id) {
    return document.getElementById(id);
  }

  var ui = {
    conn: $('conn-status'),
    connText: $('conn-text'),
    summary: $('board-summary'),
    queue: $('stat-queue'),
    wait: $('stat-wait'),
    started: $('stat-started'),
    closed: $('stat-closed'),
    abandoned: $('stat-abandoned'),
    tickets: $('stat-tickets'),
    email: $('stat-email'),
    chats: $('board-chats'),
    chatsTable: $('board-chats-table'),
    chatsEmpty: $('board-chats-empty'),
    agents: $('board-agents'),
    agentsTable: $('board-agents-table'),
    agentsEmpty: $('board-agents-empty'),
    updated: $('board-updated'),
  };

  var board = null;
  var oldestWaitingSince = null;

  function serverNow() {
    return Date.now() + clockOffset;
  }

  function secondsSince(ms) {
    return Math.max(0, Math.floor((serverNow() - ms) / 1000));
  }

  /** "45 s", "4 min 05 s", "1 h 04 min": for the ticking figures. */
  function duration(seconds) {
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    if (h > 0) return text('board.duration.hours', { h: h, m: pad(m) });
    if (m > 0) return text('board.duration.minutes', { m: m, s: pad(s) });
    return text('board.duration.seconds', { s: s });
  }

  /** "under 1 min", "4 min": for the spoken summary, which must not change every second. */
  function roughDuration(seconds) {
    var minutes = Math.floor(seconds / 60);
    return minutes < 1 ? text('board.duration.underMinute') : text('board.duration.wholeMinutes', { m: minutes });
  }

  function setConnection(kind) {
    ui.conn.dataset.state = kind;
    ui.connText.textContent = text(kind === 'connected' ? 'conn.connected' : kind === 'reconnecting' ? 'conn.reconnecting' : 'conn.connecting');
  }

  /* ----- rendering ----- */

  function chatRow(chat, startedMs) {
    var link = el('a', { className: 'ds-link', href: '/supervisor/chats/' + encodeURIComponent(chat.chatId), dataset: { chatId: chat.chatId } }, [
      text('board.open'),
      el('span', { className: 'ds-sr-only' }, [' ' + text('board.openChat', { reference: chat.reference })]),
    ]);
    var topic = [text('topic.' + chat.topic)];
    if (chat.verified) topic.push(' ', el('span', { className: 'ds-tag', 'data-color': 'success', 'data-size': 'sm' }, [text('board.verified')]));
    return el('tr', null, [
      el('th', { scope: 'row' }, [chat.reference]),
      el('td', null, topic),
      el('td', null, [chat.agentName || text('board.noAgent')]),
      el('td', { dataset: { since: String(startedMs) } }, [duration(secondsSince(startedMs))]),
      el('td', null, [link]),
    ]);
  }

  function agentRow(agent) {
    var status = STATUS_COLORS[agent.status] ? agent.status : 'offline';
    return el('tr', null, [
      el('th', { scope: 'row' }, [
        agent.displayName,
        el('span', { className: 'board-role' }, [' (' + text('role.' + agent.role) + ')']),
      ]),
      el('td', null, [el('span', { className: 'ds-tag', 'data-color': STATUS_COLORS[status], 'data-size': 'sm' }, [text('agentStatus.' + status)])]),
      el('td', { className: 'num' }, [String(agent.load)]),
    ]);
  }

  function focusedChatId() {
    var active = document.activeElement;
    return active && ui.chats.contains(active) && active.dataset ? active.dataset.chatId : null;
  }

  function renderChats(atMs) {
    var keep = focusedChatId();
    ui.chats.textContent = '';
    board.inProgress.forEach(function (chat) {
      ui.chats.appendChild(chatRow(chat, atMs - chat.ageSeconds * 1000));
    });
    ui.chatsTable.hidden = board.inProgress.length === 0;
    ui.chatsEmpty.hidden = board.inProgress.length > 0;
    if (keep) {
      var again = ui.chats.querySelector('a[data-chat-id="' + keep + '"]');
      // The chat that had focus has ended: keep the keyboard user in the section.
      (again || $('board-chats-heading')).focus();
    }
  }

  function renderAgents() {
    var agents = board.agents.slice().sort(function (a, b) {
      return (STATUS_ORDER[a.status] || 0) - (STATUS_ORDER[b.status] || 0) || a.displayName.localeCompare(b.displayName);
    });
    ui.agents.textContent = '';
    agents.forEach(function (agent) { ui.agents.appendChild(agentRow(agent)); });
    ui.agentsTable.hidden = agents.length === 0;
    ui.agentsEmpty.hidden = agents.length > 0;
  }

  function summaryText() {
    var available = board.agents.filter(function (a) { return a.status === 'available'; }).length;
    var queue = board.queue.length > 0
      ? text('board.summary.queue', { waiting: board.queue.length, wait: roughDuration(board.queue.longestWaitSeconds) })
      : text('board.summary.noQueue');
    return queue + ' ' + text('board.summary.rest', { chats: board.inProgress.length, available: available, agents: board.agents.length });
  }

  function render(snapshot) {
    board = snapshot;
    var atMs = Date.parse(snapshot.at);
    if (!isNaN(atMs)) clockOffset = atMs - Date.now();
    else atMs = serverNow();
    oldestWaitingSince = snapshot.queue.oldestWaitingSince ? Date.parse(snapshot.queue.oldestWaitingSince) : null;
    ui.queue.textContent = String(snapshot.queue.length);
    ui.started.textContent = String(snapshot.today.chatsStarted);
    ui.closed.textContent = String(snapshot.today.chatsClosed);
    ui.abandoned.textContent = String(snapshot.today.chatsAbandoned);
    ui.tickets.textContent = String(snapshot.today.offlineTickets);
    ui.email.textContent = String(snapshot.today.emailTickets);
    renderChats(atMs);
    renderAgents();
    tick();
    // Only a real change is spoken: the same sentence again would be repeated by some readers.
    var summary = summaryText();
    if (ui.summary.textContent !== summary) ui.summary.textContent = summary;
    ui.updated.textContent = text('board.updatedAt', { time: D.formatTime(snapshot.at) });
  }

  function tick() {
    if (!board) return;
    ui.wait.textContent = oldestWaitingSince && !isNaN(oldestWaitingSince) ? duration(secondsSince(oldestWaitingSince)) : text('board.noWait');
    ui.chats.querySelectorAll('td[data-since]').forEach(function (cell) {
      cell.textContent = duration(secondsSince(Number(cell.dataset.since)));
    });
  }

  /* ----- socket ----- */

  var socket = window.io('/agent');

  socket.on('connect', function () {
    setConnection('connected');
  });

  socket.on('disconnect', function (reason) {
    setConnection('reconnecting');
    if (reason === 'io server disconnect') socket.connect();
  });

  socket.on('connect_error', function (error) {
    if (error && error.message === 'UNAUTHENTICATED') {
      window.location.assign('/login?next=' + encodeURIComponent('/supervisor'));
      return;
    }
    setConnection('reconnecting');
  });

  socket.on('board:updated', function (snapshot) {
    if (snapshot && snapshot.queue) render(snapshot);
  });

  window.setInterval(tick, TICK_MS);
})();
