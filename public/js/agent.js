/*
 * The agent console: status, the live queue, and the agent's chats side by side. The server sends
 * `agent:state` on every (re)connect; from it the console re-joins its chats with the last seq it
 * has, so nothing said while the connection was down is missed.
 */
(function () {
  'use strict';

  var D = window.Desk;
  var text = D.text;
  var el = D.el;
  var data = D.data;
  var me = data.user || {};
  var STATUS_KEY = 'desk.agent.status';
  var ACK_TIMEOUT_MS = 10000;
  var TYPING_IDLE_MS = 2500;
  var MAX_LENGTH = data.maxLength || 4000;
  var MAX_NOTICES = 5;
  // The server's clock may be set (FAKE_NOW); wait times are measured on it, not on the browser's.
  var clockOffset = data.serverNow ? Date.parse(data.serverNow) - Date.now() : 0;

  function $(id) {
    return document.getElementById(id);
  }

  var ui = {
    conn: $('conn-status'),
    connText: $('conn-text'),
    logout: $('logout'),
    statusInputs: document.querySelectorAll('input[name="agent-status"]'),
    notices: $('notices'),
    queueHeading: $('queue-heading'),
    queueCount: $('queue-count'),
    queueEmpty: $('queue-empty'),
    queueList: $('queue-list'),
    chatsHeading: $('chats-heading'),
    noChats: $('no-chats'),
    columns: $('chat-columns'),
    queueTemplate: $('queue-item-template'),
    chatTemplate: $('chat-template'),
  };

  var status = null;
  var waiting = [];
  var chats = {};
  var accepting = {};
  var socket = window.io('/agent');

  function send(event, payload, callback) {
    socket.timeout(ACK_TIMEOUT_MS).emit(event, payload, function (err, ack) {
      if (err) return callback({ ok: false, error: { code: 'TIMEOUT', message: text('error.network') } });
      callback(ack || { ok: false, error: { message: text('error.generic') } });
    });
  }

  function errorText(ack) {
    return D.errorsFrom(ack && ack.error)[0].message;
  }

  /* ----- notices ----- */

  function notify(message, color) {
    var close = el('button', { type: 'button', className: 'ds-button', 'data-variant': 'tertiary', 'data-size': 'sm' }, [text('agent.dismiss')]);
    var notice = el('div', { className: 'ds-alert', 'data-color': color || 'info' }, [el('p', { className: 'ds-paragraph' }, [message]), close]);
    close.addEventListener('click', function () {
      notice.remove();
      ui.chatsHeading.focus();
    });
    ui.notices.appendChild(notice);
    while (ui.notices.children.length > MAX_NOTICES) ui.notices.firstElementChild.remove();
  }

  function fail(ack) {
    notify(text('agent.failed', { message: errorText(ack) }), 'danger');
  }

  /* ----- connection and status ----- */

  function setConnection(kind) {
    ui.conn.dataset.state = kind;
    ui.connText.textContent = text(kind === 'connected' ? 'conn.connected' : kind === 'reconnecting' ? 'conn.reconnecting' : 'conn.connecting');
  }

  function showStatus(value) {
    if (value !== 'available' && value !== 'away') return;
    status = value;
    ui.statusInputs.forEach(function (input) { input.checked = input.value === value; });
    if (value === 'away') renderQueue([]);
  }

  function rememberStatus(value) {
    try {
      localStorage.setItem(STATUS_KEY, value);
    } catch (e) {
      /* not remembered across reloads; nothing else breaks */
    }
  }

  function rememberedStatus() {
    try {
      var value = localStorage.getItem(STATUS_KEY);
      return value === 'available' || value === 'away' ? value : null;
    } catch (e) {
      return null;
    }
  }

  function setStatus(value, announce) {
    var previous = status;
    send('agent:status', { status: value }, function (ack) {
      if (!ack.ok) {
        showStatus(previous);
        return fail(ack);
      }
      showStatus(value);
      if (announce) notify(text('agent.statusChanged.' + value), 'info');
      if (value === 'available') refreshQueue();
    });
  }

  function refreshQueue() {
    send('queue:list', {}, function (ack) {
      if (ack.ok && status === 'available') renderQueue(ack.waiting || []);
    });
  }

  /* ----- queue ----- */

  function minutesSince(iso) {
    var started = Date.parse(iso);
    if (isNaN(started)) return 0;
    return Math.max(0, Math.floor((Date.now() + clockOffset - started) / 60000));
  }

  function waitLabel(iso) {
    var minutes = minutesSince(iso);
    return minutes < 1 ? text('agent.waitingJustNow') : text('agent.waitingFor', { minutes: minutes });
  }

  function preview(body) {
    var flat = String(body || '').replace(/\s+/g, ' ').trim();
    return flat.length > 160 ? flat.slice(0, 157) + '…' : flat;
  }

  function queueItem(entry) {
    var item = ui.queueTemplate.content.firstElementChild.cloneNode(true);
    item.dataset.chatId = entry.chatId;
    item.querySelector('[data-role="reference"]').textContent = entry.reference;
    item.querySelector('[data-role="topic"]').textContent = text('topic.' + entry.topic);
    item.querySelector('[data-role="verified"]').hidden = !entry.verified;
    item.querySelector('[data-role="preview"]').textContent = preview(entry.preview);
    var wait = item.querySelector('[data-role="wait"]');
    wait.dataset.since = entry.waitingSince;
    wait.textContent = waitLabel(entry.waitingSince);
    item.querySelector('[data-role="accept-ref"]').textContent = ' ' + entry.reference;
    item.querySelector('[data-role="accept"]').addEventListener('click', function (event) {
      accept(entry, event.currentTarget);
    });
    return item;
  }

  /** Keyed update, so the item (and the Accept button) that has focus is not rebuilt under it. */
  // total: how many wait in all (the server sends at most the 200 oldest).
  function renderQueue(list, total) {
    waiting = (list || []).slice(); // in the server's queue order
    var focusedInside = ui.queueList.contains(document.activeElement);
    var existing = {};
    Array.prototype.forEach.call(ui.queueList.children, function (item) { existing[item.dataset.chatId] = item; });
    var keep = {};
    waiting.forEach(function (entry, index) {
      keep[entry.chatId] = true;
      var item = existing[entry.chatId] || queueItem(entry);
      var current = ui.queueList.children[index];
      if (current !== item) ui.queueList.insertBefore(item, current || null);
    });
    Object.keys(existing).forEach(function (chatId) {
      if (!keep[chatId]) existing[chatId].remove();
    });
    if (focusedInside && !ui.queueList.contains(document.activeElement)) {
      var next = ui.queueList.querySelector('[data-role="accept"]');
      (next || ui.queueHeading).focus();
    }
    var count = Math.max(total || 0, waiting.length);
    ui.queueCount.textContent = count ? text('agent.queueCount', { count: count }) : '';
    ui.queueCount.hidden = count === 0;
    ui.queueEmpty.textContent = status === 'available' ? text('agent.queueEmpty') : text('agent.queueAway');
    ui.queueEmpty.hidden = waiting.length > 0;
  }

  function refreshWaits() {
    ui.queueList.querySelectorAll('[data-role="wait"]').forEach(function (wait) {
      wait.textContent = waitLabel(wait.dataset.since);
    });
  }

  function accept(entry, button) {
    D.setBusy(button, true);
    accepting[entry.chatId] = true;
    send('chat:accept', { chatId: entry.chatId }, function (ack) {
      delete accepting[entry.chatId];
      D.setBusy(button, false);
      if (!ack.ok) {
        if (ack.error && (ack.error.code === 'TAKEN' || ack.error.code === 'NOT_FOUND')) {
          notify(text('agent.taken', { reference: entry.reference }), 'warning');
          renderQueue(waiting.filter(function (w) { return w.chatId !== entry.chatId; }));
        } else {
          fail(ack);
        }
        return;
      }
      renderQueue(waiting.filter(function (w) { return w.chatId !== entry.chatId; }));
      var view = openChat(ack.chat, ack.messages, ack.citizen, false);
      if (view) view.reply.focus();
    });
  }

  /* ----- one chat ----- */

  function withIds(root, chatId) {
    var attributes = ['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls'];
    [root].concat(Array.prototype.slice.call(root.querySelectorAll('*'))).forEach(function (node) {
      attributes.forEach(function (name) {
        var value = node.getAttribute(name);
        if (value && value.indexOf('__ID__') !== -1) node.setAttribute(name, value.split('__ID__').join(chatId));
      });
    });
    return root;
  }

  function ChatView(chat) {
    var root = withIds(ui.chatTemplate.content.firstElementChild.cloneNode(true), chat.id);
    var part = function (role) { return root.querySelector('[data-role="' + role + '"]'); };
    this.id = chat.id;
    this.chat = chat;
    this.root = root;
    this.heading = part('heading');
    this.log = part('log');
    this.logLabel = part('log-label');
    this.typing = part('typing');
    this.composer = part('composer');
    this.reply = part('reply');
    this.notes = part('notes');
    this.noteForm = part('note-form');
    this.note = part('note');
    this.ended = part('ended');
    this.endedText = part('ended-text');
    this.transfer = part('transfer');
    this.transferTo = part('transfer-to');
    this.noAgents = part('no-agents');
    this.outcome = part('outcome');
    this.seen = {};
    this.noteIds = {};
    this.lastSeq = 0;
    this.pending = [];
    this.flushing = false;
    this.isEnded = false;
    this.readOnly = false;
    this.typingSent = false;
    this.typingTimer = null;
    this.theirTypingTimer = null;
    this.citizenName = null;
    root.dataset.chatId = chat.id;
    var view = this;
    this.panel = new window.DeskCitizen.Panel({
      root: part('context'),
      headingLevel: 4,
      idPrefix: 'chat-' + chat.id,
      onRefer: function (provider, done) { view.refer(provider, done); },
    });
    part('reply-slot').appendChild(
      window.DeskReplies.attach({ textarea: this.reply, idPrefix: 'chat-' + chat.id, language: chat.language, topic: chat.topic }),
    );
    this.update(chat);
    this.wire(part);
  }

  /** chat:refer; the acknowledgement carries the provider's contact card for the confirmation. */
  ChatView.prototype.refer = function (provider, done) {
    var view = this;
    send('chat:refer', { chatId: this.id, provider: provider }, function (ack) {
      if (!ack.ok) return done({ ok: false, error: errorText(ack) });
      view.addMessage(ack.message);
      done({ ok: true, contact: ack.contact, live: true });
    });
  };

  /** The citizen context from GET /api/tickets/:id/citizen (after a join, a transfer or chat:verified). */
  ChatView.prototype.loadCitizen = function () {
    var view = this;
    this.panel.loading();
    window.DeskCitizen.fetchCitizen(this.id, function (citizen) {
      if (!chats[view.id]) return;
      if (citizen) view.setCitizen(citizen);
      else view.panel.failed();
    });
  };

  ChatView.prototype.update = function (chat) {
    this.chat = chat;
    this.heading.textContent = text('agent.chatHeading', { reference: chat.reference, topic: text('topic.' + chat.topic) });
    this.logLabel.textContent = text('agent.log', { reference: chat.reference });
    this.setVerified(Boolean(chat.verified));
  };

  ChatView.prototype.setVerified = function (verified) {
    this.root.querySelector('[data-role="verified"]').hidden = !verified;
    this.root.querySelector('[data-role="unverified"]').hidden = verified;
  };

  /** A name (from the ticket) and/or the citizen context of contract §4. */
  ChatView.prototype.setCitizen = function (citizen) {
    if (!citizen) return;
    if (citizen.name) {
      this.citizenName = citizen.name;
      this.panel.setName(citizen.name);
    }
    if (typeof citizen.verified === 'boolean') this.setVerified(citizen.verified);
    if (citizen.mailbox || citizen.idporten) this.panel.render(citizen);
  };

  ChatView.prototype.authorLabel = function (message) {
    if (message.author === 'agent') return message.authorName || text('author.agent');
    if (message.author === 'citizen') return message.authorName || this.citizenName || text('author.citizen');
    return text('author.system');
  };

  ChatView.prototype.nearBottom = function () {
    return this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
  };

  ChatView.prototype.addMessage = function (message) {
    if (!message || typeof message.seq !== 'number') return;
    var stick = this.nearBottom();
    if (message.clientId) this.settle(message.clientId);
    if (this.seen[message.seq]) return;
    var classes = ['msg', message.author === 'agent' ? 'msg--mine' : message.author === 'system' ? 'msg--system' : 'msg--theirs'];
    if (message.kind === 'referral') classes.push('msg--referral');
    var node = el('div', { className: classes.join(' '), dataset: { seq: message.seq } }, [
      el('p', { className: 'msg__meta' }, [
        el('span', { className: 'msg__author' }, [this.authorLabel(message)]),
        el('time', { datetime: message.createdAt }, [D.formatTime(message.createdAt)]),
      ]),
      message.kind === 'referral' ? el('p', { className: 'msg__title' }, [text('chat.referral')]) : null,
      el('p', { className: 'msg__body' }, [D.linkified(message.body)]),
    ]);
    var before = null;
    for (var i = 0; i < this.log.children.length; i++) {
      var child = this.log.children[i];
      if (child.dataset.pending !== undefined || Number(child.dataset.seq) > message.seq) {
        before = child;
        break;
      }
    }
    this.log.insertBefore(node, before);
    this.seen[message.seq] = true;
    while (this.seen[this.lastSeq + 1]) this.lastSeq += 1;
    if (message.author === 'citizen') this.showTyping(false);
    if (stick || message.author === 'agent') this.log.scrollTop = this.log.scrollHeight;
  };

  ChatView.prototype.addNote = function (note) {
    if (!note || this.noteIds[note.id]) return;
    this.noteIds[note.id] = true;
    this.notes.appendChild(
      el('li', { className: 'note' }, [
        el('p', { className: 'msg__meta' }, [
          el('span', { className: 'msg__author' }, [text('agent.internal')]),
          el('span', null, [note.authorName || '']),
          el('time', { datetime: note.createdAt }, [D.formatTime(note.createdAt)]),
        ]),
        el('p', { className: 'msg__body' }, [note.body]),
      ]),
    );
  };

  ChatView.prototype.showTyping = function (typing) {
    var view = this;
    clearTimeout(this.theirTypingTimer);
    this.typing.hidden = !typing || this.isEnded;
    if (typing) this.theirTypingTimer = setTimeout(function () { view.typing.hidden = true; }, 8000);
  };

  /* sending, with the same clientId on every retry */

  ChatView.prototype.queue = function (body) {
    var pending = { clientId: D.uuid(), body: body };
    this.pending.push(pending);
    this.log.appendChild(
      el('div', { className: 'msg msg--mine msg--pending', dataset: { pending: pending.clientId } }, [
        el('p', { className: 'msg__meta' }, [
          el('span', { className: 'msg__author' }, [me.displayName || text('author.agent')]),
          el('span', { className: 'msg__status' }, [text('chat.sending')]),
        ]),
        el('p', { className: 'msg__body' }, [body]),
      ]),
    );
    this.log.scrollTop = this.log.scrollHeight;
    this.flush();
  };

  ChatView.prototype.pendingNode = function (clientId) {
    return this.log.querySelector('[data-pending="' + clientId + '"]');
  };

  ChatView.prototype.settle = function (clientId) {
    this.pending = this.pending.filter(function (p) { return p.clientId !== clientId; });
    var node = this.pendingNode(clientId);
    if (node) node.remove();
  };

  ChatView.prototype.failPending = function (pending, reason) {
    var node = this.pendingNode(pending.clientId);
    if (node) {
      node.classList.add('msg--failed');
      node.querySelector('.msg__status').textContent = text('error.notSent', { reason: reason });
      node.removeAttribute('data-pending');
    }
    this.pending = this.pending.filter(function (p) { return p !== pending; });
  };

  ChatView.prototype.flush = function () {
    var view = this;
    var next = this.pending[0];
    if (!next || this.flushing || !socket.connected || this.isEnded) return;
    this.flushing = true;
    socket.timeout(ACK_TIMEOUT_MS).emit('message:send', { chatId: this.id, clientId: next.clientId, body: next.body }, function (err, ack) {
      view.flushing = false;
      if (err) {
        setTimeout(function () { view.flush(); }, 3000);
        return;
      }
      if (ack && ack.ok) {
        view.addMessage(ack.message);
        view.settle(next.clientId);
      } else {
        view.failPending(next, errorText(ack));
      }
      view.flush();
    });
  };

  ChatView.prototype.typingStopped = function () {
    clearTimeout(this.typingTimer);
    if (this.typingSent && socket.connected) socket.emit('typing', { chatId: this.id, typing: false });
    this.typingSent = false;
  };

  ChatView.prototype.typingNow = function () {
    var view = this;
    if (!socket.connected || this.isEnded || this.readOnly) return;
    if (!this.typingSent) {
      socket.emit('typing', { chatId: this.id, typing: true });
      this.typingSent = true;
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(function () { view.typingStopped(); }, TYPING_IDLE_MS);
  };

  ChatView.prototype.setActionsDisabled = function (disabled) {
    var controls = this.root.querySelectorAll('[data-role="composer"] textarea, [data-role="composer"] button, [data-role="transfer"] select, [data-role="transfer"] button, [data-role="close"] select, [data-role="close"] button');
    controls.forEach(function (control) { control.disabled = disabled; });
    this.panel.setDisabled(disabled);
    var replies = this.root.querySelector('[data-role="replies"]');
    if (replies && disabled) replies.hidden = true;
  };

  ChatView.prototype.markEnded = function (by) {
    if (this.isEnded) return;
    this.isEnded = true;
    this.root.dataset.state = 'ended';
    this.typingStopped();
    this.showTyping(false);
    this.setActionsDisabled(true);
    this.transfer.open = false;
    this.root.querySelector('[data-role="close"]').open = false;
    this.endedText.textContent = by ? text('agent.ended.by.' + by) : text('agent.ended');
    this.ended.hidden = false;
    var view = this;
    this.pending.slice().forEach(function (p) { view.failPending(p, text('agent.ended')); });
  };

  ChatView.prototype.setReadOnly = function (readOnly) {
    this.readOnly = readOnly;
    if (readOnly && !this.isEnded) {
      this.setActionsDisabled(true);
      this.endedText.textContent = text('agent.readOnly');
      this.ended.hidden = false;
    }
  };

  ChatView.prototype.loadAgents = function () {
    var view = this;
    this.transferTo.textContent = '';
    this.noAgents.hidden = true;
    send('agents:list', {}, function (ack) {
      if (!ack.ok) return fail(ack);
      var others = (ack.agents || []).filter(function (agent) { return agent.status === 'available' && agent.id !== me.id; });
      others.forEach(function (agent) {
        view.transferTo.appendChild(el('option', { value: agent.id }, [agent.displayName + ' (' + text('role.' + agent.role) + ')']));
      });
      view.noAgents.hidden = others.length > 0;
      view.transferTo.disabled = others.length === 0 || view.isEnded;
    });
  };

  ChatView.prototype.wire = function (part) {
    var view = this;
    this.composer.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = view.reply.value.trim();
      D.clearFieldErrors(view.composer);
      if (!body || body.length > MAX_LENGTH) {
        var input = D.setFieldError(view.composer, 'body', text('error.field.body'));
        if (input) input.focus();
        return;
      }
      view.reply.value = '';
      view.typingStopped();
      view.queue(body);
    });
    this.reply.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        view.composer.requestSubmit();
      }
    });
    this.reply.addEventListener('input', function () { view.typingNow(); });
    this.reply.addEventListener('blur', function () { view.typingStopped(); });

    this.noteForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = view.note.value.trim();
      D.clearFieldErrors(view.noteForm);
      if (!body || body.length > MAX_LENGTH) {
        var input = D.setFieldError(view.noteForm, 'body', text('error.field.body'));
        if (input) input.focus();
        return;
      }
      var button = view.noteForm.querySelector('button[type="submit"]');
      D.setBusy(button, true);
      send('note:add', { chatId: view.id, body: body }, function (ack) {
        D.setBusy(button, false);
        if (!ack.ok) return fail(ack);
        view.note.value = '';
        view.addNote(ack.note);
      });
    });

    this.transfer.addEventListener('toggle', function () {
      if (view.transfer.open) view.loadAgents();
    });
    part('transfer-submit').addEventListener('click', function (event) {
      var toUserId = view.transferTo.value;
      if (!toUserId) return view.transferTo.focus();
      var button = event.currentTarget;
      D.setBusy(button, true);
      send('chat:transfer', { chatId: view.id, toUserId: toUserId }, function (ack) {
        D.setBusy(button, false);
        if (!ack.ok) return fail(ack);
        removeChat(view.id, 'transferred');
      });
    });

    part('close-submit').addEventListener('click', function (event) {
      var button = event.currentTarget;
      D.setBusy(button, true);
      send('chat:close', { chatId: view.id, outcome: view.outcome.value }, function (ack) {
        D.setBusy(button, false);
        if (!ack.ok) return fail(ack);
        view.markEnded('agent');
        view.ended.focus();
      });
    });

    part('dismiss').addEventListener('click', function () {
      socket.emit('chat:leave', { chatId: view.id });
      removeChat(view.id, null);
    });
  };

  /* ----- the set of chats ----- */

  function updateNoChats() {
    ui.noChats.hidden = Object.keys(chats).length > 0;
  }

  function openChat(chat, messages, citizen, readOnly) {
    if (!chat || !chat.id) return null;
    if (chat.status === 'queued') {
      if (chats[chat.id]) removeChat(chat.id, 'requeued');
      return null;
    }
    var view = chats[chat.id];
    if (!view) {
      view = new ChatView(chat);
      chats[chat.id] = view;
      ui.columns.appendChild(view.root);
      loadDetails(view);
    } else {
      view.update(chat);
    }
    if (citizen) view.setCitizen(citizen);
    else if (!view.panel.citizen) view.loadCitizen();
    (messages || []).forEach(function (message) { view.addMessage(message); });
    if (chat.status !== 'active') view.markEnded(null);
    else view.setReadOnly(Boolean(readOnly));
    updateNoChats();
    view.flush();
    return view;
  }

  /** Notes and the citizen's details for a chat we join rather than accept (after a transfer, or a reload). */
  function loadDetails(view) {
    fetch('/api/tickets/' + encodeURIComponent(view.id), { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (ticket) {
        if (!ticket) return;
        view.setCitizen({ name: ticket.citizenName, nationalId: ticket.nationalId, verified: ticket.verified });
        (ticket.notes || []).forEach(function (note) { view.addNote(note); });
      })
      .catch(function () {
        /* details are a help, not a must */
      });
  }

  function joinChat(chatId, announce) {
    var known = chats[chatId];
    send('chat:join', { chatId: chatId, afterSeq: known ? known.lastSeq : 0 }, function (ack) {
      if (!ack.ok) {
        var code = ack.error && ack.error.code;
        // Not ours any more (transferred or gone while we were away); a timeout is just retried on the next connect.
        if (known && !known.isEnded && (code === 'FORBIDDEN' || code === 'NOT_FOUND')) removeChat(chatId, 'transferred');
        return;
      }
      var view = openChat(ack.chat, ack.messages, null, ack.readOnly);
      if (view && announce) notify(text('agent.assigned', { reference: ack.chat.reference }), 'success');
    });
  }

  function removeChat(chatId, reason) {
    var view = chats[chatId];
    if (!view) return;
    var hadFocus = view.root.contains(document.activeElement);
    view.typingStopped();
    view.root.remove();
    delete chats[chatId];
    updateNoChats();
    if (reason) notify(text('agent.removed.' + reason, { reference: view.chat.reference }), 'warning');
    if (hadFocus) ui.chatsHeading.focus();
  }

  /* ----- socket events ----- */

  socket.on('connect', function () {
    setConnection('connected');
  });

  socket.on('disconnect', function (reason) {
    setConnection('reconnecting');
    if (reason === 'io server disconnect') socket.connect();
  });

  socket.on('connect_error', function (error) {
    if (error && error.message === 'UNAUTHENTICATED') {
      // The session is gone (logged out elsewhere, or expired): log in again and come back.
      window.location.assign('/login?next=' + encodeURIComponent('/agent'));
      return;
    }
    setConnection('reconnecting');
  });

  socket.on('agent:state', function (state) {
    if (state.user && state.user.id) me = state.user;
    var wanted = rememberedStatus();
    showStatus(state.status);
    if (wanted && wanted !== state.status) setStatus(wanted, false);
    renderQueue(state.status === 'available' ? state.waiting : []);
    var ids = {};
    (state.chats || []).forEach(function (chat) { ids[chat.id] = true; });
    Object.keys(chats).forEach(function (chatId) {
      if (!chats[chatId].isEnded) ids[chatId] = true;
    });
    Object.keys(ids).forEach(function (chatId) { joinChat(chatId, false); });
  });

  socket.on('agent:status', function (payload) {
    showStatus(payload && payload.status);
  });

  socket.on('queue:updated', function (payload) {
    if (status === 'available') renderQueue((payload && payload.waiting) || [], payload && payload.total);
  });

  socket.on('chat:assigned', function (payload) {
    // Our own accept also announces the assignment; its acknowledgement opens that chat.
    if (payload && payload.chatId && !chats[payload.chatId] && !accepting[payload.chatId]) joinChat(payload.chatId, true);
  });

  socket.on('chat:removed', function (payload) {
    if (payload && payload.chatId) removeChat(payload.chatId, payload.reason === 'requeued' ? 'requeued' : 'transferred');
  });

  socket.on('chat:ended', function (payload) {
    var view = payload && chats[payload.chatId];
    if (view) view.markEnded(payload.by);
  });

  socket.on('message:new', function (message) {
    var view = message && chats[message.chatId];
    if (view) view.addMessage(message);
  });

  // The citizen logged in with ID-porten: the identity (and acr/amr) changed, so read the context again.
  socket.on('chat:verified', function (payload) {
    var view = payload && chats[payload.chatId];
    if (!view) return;
    view.setVerified(true);
    view.loadCitizen();
    notify(text('context.verifiedNow', { reference: view.chat.reference }), 'success');
  });

  socket.on('note:new', function (note) {
    var view = note && chats[note.chatId];
    if (view) view.addNote(note);
  });

  socket.on('typing', function (payload) {
    var view = payload && chats[payload.chatId];
    if (view && payload.author !== 'agent') view.showTyping(Boolean(payload.typing));
  });

  /* ----- page controls ----- */

  ui.statusInputs.forEach(function (input) {
    input.addEventListener('change', function () {
      if (!input.checked) return;
      rememberStatus(input.value);
      setStatus(input.value, true);
    });
  });

  ui.logout.addEventListener('click', function () {
    D.setBusy(ui.logout, true);
    fetch('/api/auth/logout', { method: 'POST', headers: { 'x-csrf-token': data.csrfToken }, credentials: 'same-origin' })
      .catch(function () { return null; })
      .then(function () {
        socket.disconnect();
        window.location.assign('/login');
      });
  });

  ui.queueHeading.setAttribute('tabindex', '-1');
  ui.chatsHeading.setAttribute('tabindex', '-1');
  setInterval(refreshWaits, 15000);
  renderQueue([]);
  updateNoChats();
})();
