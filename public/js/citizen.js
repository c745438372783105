/*
 * The citizen's chat. State that must survive a reload or a dropped connection ({token, chatId,
 * lastSeq, unsent messages}) is kept in sessionStorage. On every (re)connect the script resumes
 * the chat and asks for what it missed; messages are kept once each, in seq order.
 */
(function () {
  'use strict';

  var D = window.Desk;
  var text = D.text;
  var el = D.el;
  var data = D.data;
  var STORE_KEY = 'desk.citizen.chat';
  var MAX_LENGTH = data.maxLength || 4000;
  var ACK_TIMEOUT_MS = 10000;
  var TYPING_IDLE_MS = 2500;

  function $(id) {
    return document.getElementById(id);
  }

  var ui = {
    status: $('opening-status'),
    justClosed: $('just-closed'),
    startSection: $('start-section'),
    startForm: $('start-form'),
    startErrors: $('start-errors'),
    startSubmit: $('start-submit'),
    startBusy: $('start-busy'),
    showContact: $('show-contact'),
    contactSection: $('contact-section'),
    contactHeading: $('contact-heading'),
    contactForm: $('contact-form'),
    contactErrors: $('contact-errors'),
    contactSubmit: $('contact-submit'),
    contactBusy: $('contact-busy'),
    contactSent: $('contact-sent'),
    contactSentText: $('contact-sent-text'),
    chatSection: $('chat-section'),
    chatReference: $('chat-reference'),
    conn: $('conn-status'),
    connText: $('conn-text'),
    queueInfo: $('queue-info'),
    queuePosition: $('queue-position'),
    queueWait: $('queue-wait'),
    agentInfo: $('agent-info'),
    log: $('chat-log'),
    typing: $('typing'),
    composer: $('composer'),
    composerInput: $('composer-input'),
    composerSend: $('composer-send'),
    endChat: $('end-chat'),
    endedSection: $('ended-section'),
    endedHeading: $('ended-heading'),
    endedBy: $('ended-by'),
    transcriptError: $('transcript-error'),
    rating: $('rating'),
    ratingForm: $('rating-form'),
    ratingErrors: $('rating-errors'),
    ratingSubmit: $('rating-submit'),
    ratingThanks: $('rating-thanks'),
    newChat: $('new-chat'),
  };

  var state = {
    token: null,
    chatId: null,
    reference: null,
    // Highest seq up to which every message is here. Starts at 0 on each page load, so a reload
    // fetches the whole conversation again; afterwards only what was missed.
    lastSeq: 0,
    seen: {},
    pending: [],
    status: null,
    endedBy: null,
    rated: false,
    socket: null,
    flushing: false,
    typingSent: false,
    typingTimer: null,
    theirTypingTimer: null,
  };

  /* ----- storage ----- */

  function save() {
    if (!state.token) return;
    try {
      sessionStorage.setItem(
        STORE_KEY,
        JSON.stringify({
          token: state.token,
          chatId: state.chatId,
          reference: state.reference,
          lastSeq: state.lastSeq,
          endedBy: state.endedBy,
          rated: state.rated,
          pending: state.pending.filter(function (p) { return !p.failed; }).map(function (p) { return { clientId: p.clientId, body: p.body }; }),
        }),
      );
    } catch (e) {
      /* private mode or full: the chat still works, it just will not survive a reload */
    }
  }

  function load() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null');
      return saved && typeof saved.token === 'string' ? saved : null;
    } catch (e) {
      return null;
    }
  }

  function forget() {
    try {
      sessionStorage.removeItem(STORE_KEY);
    } catch (e) {
      /* nothing to do */
    }
  }

  /* ----- views ----- */

  function show(node, visible) {
    if (node) node.hidden = !visible;
  }

  function showChatView() {
    show(ui.startSection, false);
    show(ui.contactSection, false);
    show(ui.justClosed, false);
    show(ui.chatSection, true);
    if (ui.showContact) ui.showContact.setAttribute('aria-expanded', 'false');
  }

  function setConnection(kind) {
    if (!ui.conn) return;
    ui.conn.dataset.state = kind;
    ui.connText.textContent = text(kind === 'connected' ? 'conn.connected' : kind === 'reconnecting' ? 'conn.reconnecting' : 'conn.connecting');
  }

  function setReference(reference) {
    state.reference = reference || state.reference;
    if (state.reference) ui.chatReference.textContent = text('chat.reference', { reference: state.reference });
  }

  function waitText(seconds) {
    var s = Number(seconds) || 0;
    if (s < 60) return text('queue.waitShort');
    var minutes = Math.round(s / 60);
    return minutes <= 1 ? text('queue.waitOne') : text('queue.waitMinutes', { minutes: minutes });
  }

  function showQueued(position, estimatedWaitSeconds) {
    if (state.status === 'ended') return;
    state.status = 'queued';
    show(ui.agentInfo, false);
    if (position > 0) {
      ui.queuePosition.textContent = text('queue.position', { position: position });
      ui.queueWait.textContent = waitText(estimatedWaitSeconds);
    } else {
      ui.queuePosition.textContent = text('chat.waiting');
      ui.queueWait.textContent = '';
    }
    show(ui.queueInfo, true);
  }

  function showAssigned(agentName) {
    if (state.status === 'ended') return;
    state.status = 'active';
    show(ui.queueInfo, false);
    if (agentName) {
      ui.agentInfo.textContent = text('chat.assigned', { agent: agentName });
      show(ui.agentInfo, true);
    }
  }

  function showTheirTyping(typing) {
    clearTimeout(state.theirTypingTimer);
    show(ui.typing, typing && state.status !== 'ended');
    // A lost "stopped typing" must not leave the indicator on for ever.
    if (typing) state.theirTypingTimer = setTimeout(function () { show(ui.typing, false); }, 8000);
  }

  /* ----- messages ----- */

  function authorLabel(message) {
    if (message.author === 'citizen') return text('author.you');
    if (message.author === 'agent') return message.authorName || text('author.agent');
    return text('author.system');
  }

  function renderMessage(message) {
    var own = message.author === 'citizen';
    var classes = ['msg', own ? 'msg--mine' : message.author === 'system' ? 'msg--system' : 'msg--theirs'];
    if (message.kind === 'referral') classes.push('msg--referral');
    return el('div', { className: classes.join(' '), dataset: { seq: message.seq } }, [
      el('p', { className: 'msg__meta' }, [
        el('span', { className: 'msg__author' }, [authorLabel(message)]),
        el('time', { datetime: message.createdAt }, [D.formatTime(message.createdAt)]),
      ]),
      message.kind === 'referral' ? el('p', { className: 'msg__title' }, [text('chat.referral')]) : null,
      el('p', { className: 'msg__body' }, [D.linkified(message.body)]),
    ]);
  }

  function nearBottom() {
    return ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 80;
  }

  function scrollToEnd(force) {
    if (force || nearBottom()) ui.log.scrollTop = ui.log.scrollHeight;
  }

  /** Adds a stored message once, at its place by seq; a matching "sending…" bubble is replaced. */
  function addMessage(message) {
    if (!message || typeof message.seq !== 'number') return;
    if (state.chatId && message.chatId && message.chatId !== state.chatId) return;
    var stick = nearBottom();
    if (message.clientId) settlePending(message.clientId);
    if (state.seen[message.seq]) return;
    var node = renderMessage(message);
    var before = null;
    var children = ui.log.children;
    for (var i = 0; i < children.length; i++) {
      var child = children[i];
      if (child.dataset.pending !== undefined || Number(child.dataset.seq) > message.seq) {
        before = child;
        break;
      }
    }
    ui.log.insertBefore(node, before);
    state.seen[message.seq] = true;
    while (state.seen[state.lastSeq + 1]) state.lastSeq += 1;
    save();
    scrollToEnd(stick);
  }

  /**
   * The "sending…" bubble is for the eyes only: the stored message that replaces it is what the
   * log announces, so a screen reader hears the citizen's own message once, not twice.
   */
  function renderPending(pending) {
    var node = el('div', { className: 'msg msg--mine msg--pending', dataset: { pending: pending.clientId }, 'aria-hidden': 'true' }, [
      el('p', { className: 'msg__meta' }, [
        el('span', { className: 'msg__author' }, [text('author.you')]),
        el('span', { className: 'msg__status' }, [text('chat.sending')]),
      ]),
      el('p', { className: 'msg__body' }, [pending.body]),
    ]);
    ui.log.appendChild(node);
    scrollToEnd(true);
    return node;
  }

  function pendingNode(clientId) {
    return ui.log.querySelector('[data-pending="' + clientId + '"]');
  }

  function settlePending(clientId) {
    state.pending = state.pending.filter(function (p) { return p.clientId !== clientId; });
    var node = pendingNode(clientId);
    if (node) node.remove();
    save();
  }

  function failPending(pending, reason) {
    pending.failed = true;
    var node = pendingNode(pending.clientId);
    if (node) {
      node.classList.add('msg--failed');
      node.querySelector('.msg__status').textContent = text('error.notSent', { reason: reason });
      node.removeAttribute('data-pending');
      node.removeAttribute('aria-hidden'); // now it says why it was not sent: that must be heard
    }
    state.pending = state.pending.filter(function (p) { return p !== pending; });
    save();
  }

  /**
   * Sends unacknowledged messages one at a time, in order, each with its own clientId: a retry
   * after a dropped connection repeats the same clientId, so the server stores it only once.
   */
  function flushPending() {
    var socket = state.socket;
    if (state.flushing || !socket || !socket.connected || !state.token || state.status === 'ended') return;
    var next = state.pending[0];
    if (!next) return;
    state.flushing = true;
    socket.timeout(ACK_TIMEOUT_MS).emit('message:send', { clientId: next.clientId, body: next.body }, function (err, ack) {
      state.flushing = false;
      if (err) {
        // No answer: keep it pending; the next connect (or this retry) sends it again.
        setTimeout(flushPending, 3000);
        return;
      }
      if (ack && ack.ok) {
        addMessage(ack.message);
        settlePending(next.clientId);
      } else if (ack && ack.error && ack.error.code === 'RATE_LIMITED') {
        setTimeout(flushPending, 5000);
        return;
      } else {
        failPending(next, D.errorsFrom(ack && ack.error)[0].message);
      }
      flushPending();
    });
  }

  function queueMessage(body) {
    var pending = { clientId: D.uuid(), body: body };
    state.pending.push(pending);
    renderPending(pending);
    save();
    flushPending();
  }

  /* ----- socket ----- */

  function connect() {
    if (state.socket) return state.socket;
    setConnection('connecting');
    var socket = window.io('/citizen', { auth: state.token ? { token: state.token } : {} });
    state.socket = socket;
    socket.on('connect', function () {
      setConnection('connected');
      if (state.token) resume();
    });
    socket.on('disconnect', function (reason) {
      setConnection('reconnecting');
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', function () {
      setConnection('reconnecting');
    });
    socket.on('chat:queued', function (payload) {
      showQueued(payload.position, payload.estimatedWaitSeconds);
    });
    socket.on('chat:assigned', function (payload) {
      showAssigned(payload.agentName);
    });
    socket.on('message:new', addMessage);
    socket.on('typing', function (payload) {
      showTheirTyping(Boolean(payload && payload.typing));
    });
    socket.on('chat:ended', function (payload) {
      showEnded((payload && payload.by) || 'system', true);
    });
    return socket;
  }

  function whenConnected(socket, timeoutMs) {
    return new Promise(function (resolve, reject) {
      if (socket.connected) return resolve(socket);
      var timer = setTimeout(function () {
        socket.off('connect', onConnect);
        reject(new Error('timeout'));
      }, timeoutMs);
      function onConnect() {
        clearTimeout(timer);
        resolve(socket);
      }
      socket.once('connect', onConnect);
    });
  }

  function resume() {
    var socket = state.socket;
    socket.timeout(ACK_TIMEOUT_MS).emit('chat:resume', { token: state.token, afterSeq: state.lastSeq }, function (err, ack) {
      if (err) {
        if (socket.connected) setTimeout(resume, 3000);
        return;
      }
      if (!ack || !ack.ok) {
        var code = ack && ack.error && ack.error.code;
        if (code === 'UNAUTHENTICATED' || code === 'NOT_FOUND' || code === 'VALIDATION') lostChat();
        return;
      }
      applyChat(ack.chat);
      (ack.messages || []).forEach(addMessage);
      if (ack.chat && ack.chat.status === 'queued') showQueued(ack.position || 0, ack.estimatedWaitSeconds || 0);
      flushPending();
    });
  }

  function applyChat(chat) {
    if (!chat) return;
    state.chatId = chat.id;
    setReference(chat.reference);
    if (typeof chat.rated === 'boolean') state.rated = chat.rated;
    if (chat.status === 'queued') {
      if (state.status !== 'queued') showQueued(0, 0);
    } else if (chat.status === 'active') {
      showAssigned(chat.agentName);
    } else {
      // Only a chat that ended as a chat can be rated; one turned into a ticket at closing time cannot.
      if (chat.status !== 'closed') state.rated = true;
      showEnded(state.endedBy, false);
    }
    save();
  }

  function lostChat() {
    forget();
    if (state.socket) state.socket.disconnect();
    state.socket = null;
    state.token = null;
    show(ui.chatSection, false);
    show(ui.endedSection, false);
    if (ui.startSection) show(ui.startSection, true);
    else show(ui.contactSection, true);
    if (ui.startErrors) D.reportErrors(ui.startForm, ui.startErrors, [{ message: text('error.sessionLost') }]);
  }

  /* ----- typing (ours) ----- */

  function typingStopped() {
    clearTimeout(state.typingTimer);
    if (state.typingSent && state.socket && state.socket.connected) state.socket.emit('typing', { typing: false });
    state.typingSent = false;
  }

  function typingNow() {
    if (!state.socket || !state.socket.connected || state.status === 'ended') return;
    if (!state.typingSent) {
      state.socket.emit('typing', { typing: true });
      state.typingSent = true;
    }
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(typingStopped, TYPING_IDLE_MS);
  }

  /* ----- start ----- */

  function validateStart(values) {
    var errors = [];
    if (!values.topic) errors.push({ field: 'topic', message: text('error.field.topic') });
    if (!values.message || values.message.length > MAX_LENGTH) errors.push({ field: 'message', message: text('error.field.message') });
    if (values.name && values.name.length > 100) errors.push({ field: 'name', message: text('error.field.name') });
    if (values.nationalId && !/^\d{11}$/.test(values.nationalId.replace(/[\s.-]/g, ''))) {
      errors.push({ field: 'nationalId', message: text('error.field.nationalId') });
    }
    return errors;
  }

  function startValues() {
    var form = ui.startForm;
    return {
      topic: D.formValue(form, 'topic'),
      message: D.formValue(form, 'message').trim(),
      name: D.formValue(form, 'name').trim(),
      nationalId: D.formValue(form, 'nationalId').trim(),
    };
  }

  function startBusy(busy) {
    D.setBusy(ui.startSubmit, busy);
    ui.startBusy.textContent = busy ? text('start.starting') : '';
  }

  function onStart(event) {
    event.preventDefault();
    var values = startValues();
    var errors = validateStart(values);
    D.clearFieldErrors(ui.startForm);
    D.hideSummary(ui.startErrors);
    if (errors.length) return D.reportErrors(ui.startForm, ui.startErrors, errors);

    var payload = { topic: values.topic, message: values.message, language: data.lang };
    if (values.name) payload.name = values.name;
    if (values.nationalId) payload.nationalId = values.nationalId;

    startBusy(true);
    var socket = connect();
    whenConnected(socket, ACK_TIMEOUT_MS)
      .then(function () {
        socket.timeout(ACK_TIMEOUT_MS).emit('chat:start', payload, function (err, ack) {
          startBusy(false);
          if (err) return D.reportErrors(ui.startForm, ui.startErrors, [{ message: text('error.network') }]);
          if (!ack || !ack.ok) return startFailed(ack && ack.error, values);
          started(ack);
        });
      })
      .catch(function () {
        startBusy(false);
        D.reportErrors(ui.startForm, ui.startErrors, [{ message: text('error.network') }]);
      });
  }

  function startFailed(error, values) {
    if (error && error.code === 'CLOSED') return switchToClosed(values);
    D.reportErrors(ui.startForm, ui.startErrors, D.errorsFrom(error));
  }

  function started(ack) {
    state.token = ack.token;
    state.chatId = ack.chat.id;
    state.status = null;
    state.socket.auth = { token: ack.token };
    setReference(ack.chat.reference);
    save();
    showChatView();
    showQueued(ack.position || 0, ack.estimatedWaitSeconds || 0);
    // The first message was stored with the chat; fetch it (and anything since) in order.
    resume();
    ui.startForm.reset();
    ui.composerInput.focus();
  }

  /** Chat closed while the citizen was writing: offer the message form, with what they wrote. */
  function switchToClosed(values) {
    show(ui.startSection, false);
    show(ui.justClosed, true);
    show(ui.contactSection, true);
    var form = ui.contactForm;
    if (values) {
      form.querySelectorAll('input[name="topic"]').forEach(function (radio) { radio.checked = radio.value === values.topic; });
      form.elements.namedItem('message').value = values.message || '';
      form.elements.namedItem('name').value = values.name || '';
      form.elements.namedItem('nationalId').value = values.nationalId || '';
    }
    ui.contactHeading.focus();
  }

  /* ----- leave a message ----- */

  function toggleContact() {
    var open = ui.contactSection.hidden;
    show(ui.contactSection, open);
    ui.showContact.setAttribute('aria-expanded', String(open));
    if (open) ui.contactHeading.focus();
  }

  function validateContact(values) {
    var errors = [];
    if (!values.topic) errors.push({ field: 'topic', message: text('error.field.topic') });
    if (!values.message || values.message.length > MAX_LENGTH) errors.push({ field: 'message', message: text('error.field.message') });
    if (values.name && values.name.length > 100) errors.push({ field: 'name', message: text('error.field.name') });
    if (values.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) errors.push({ field: 'email', message: text('error.field.email') });
    if (values.phone && !/^\+?[0-9 ()-]{5,20}$/.test(values.phone)) errors.push({ field: 'phone', message: text('error.field.phone') });
    if (values.nationalId && !/^\d{11}$/.test(values.nationalId.replace(/[\s.-]/g, ''))) {
      errors.push({ field: 'nationalId', message: text('error.field.nationalId') });
    }
    return errors;
  }

  function onContact(event) {
    event.preventDefault();
    var form = ui.contactForm;
    var values = {};
    ['topic', 'message', 'name', 'email', 'phone', 'nationalId'].forEach(function (name) {
      values[name] = D.formValue(form, name).trim();
    });
    D.clearFieldErrors(form);
    D.hideSummary(ui.contactErrors);
    show(ui.contactSent, false);
    var errors = validateContact(values);
    if (errors.length) return D.reportErrors(form, ui.contactErrors, errors);

    var body = { topic: values.topic, message: values.message, language: data.lang };
    ['name', 'email', 'phone', 'nationalId'].forEach(function (name) {
      if (values[name]) body[name] = values[name];
    });
    D.setBusy(ui.contactSubmit, true);
    ui.contactBusy.textContent = text('contact.sending');
    fetch('/api/contact', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    })
      .then(function (response) {
        return response
          .json()
          .catch(function () { return {}; })
          .then(function (json) { return { status: response.status, json: json }; });
      })
      .then(function (result) {
        if (result.status === 201 && result.json.reference) {
          form.reset();
          ui.contactSentText.textContent = text('contact.sent', { reference: result.json.reference });
          show(ui.contactSent, true);
          ui.contactSent.focus();
        } else {
          D.reportErrors(form, ui.contactErrors, D.errorsFrom(result.json && result.json.error));
        }
      })
      .catch(function () {
        D.reportErrors(form, ui.contactErrors, [{ message: text('error.network') }]);
      })
      .then(function () {
        D.setBusy(ui.contactSubmit, false);
        ui.contactBusy.textContent = '';
      });
  }

  /* ----- chatting ----- */

  function onSend(event) {
    event.preventDefault();
    var body = ui.composerInput.value.trim();
    D.clearFieldErrors(ui.composer);
    if (!body || body.length > MAX_LENGTH) {
      var input = D.setFieldError(ui.composer, 'body', text('error.field.body'));
      if (input) input.focus();
      return;
    }
    ui.composerInput.value = '';
    typingStopped();
    queueMessage(body);
    ui.composerInput.focus();
  }

  function onComposerKey(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (typeof ui.composer.requestSubmit === 'function') ui.composer.requestSubmit();
      else onSend(event);
    }
  }

  function onEnd() {
    if (state.status === 'ended' || !window.confirm(text('chat.endConfirm'))) return;
    var socket = state.socket;
    if (!socket || !socket.connected) return;
    D.setBusy(ui.endChat, true);
    socket.timeout(ACK_TIMEOUT_MS).emit('chat:end', {}, function (err, ack) {
      D.setBusy(ui.endChat, false);
      if (!err && ack && ack.ok) showEnded('citizen', true);
    });
  }

  /* ----- ended: transcript and rating ----- */

  function showEnded(by, moveFocus) {
    var first = state.status !== 'ended';
    state.status = 'ended';
    if (by) state.endedBy = by;
    save();
    typingStopped();
    showTheirTyping(false);
    show(ui.queueInfo, false);
    show(ui.composer, false);
    show(ui.endedSection, true);
    ui.endedBy.textContent = state.endedBy ? text('ended.by.' + state.endedBy) : '';
    // Unsent messages can no longer be delivered.
    state.pending.slice().forEach(function (p) { failPending(p, text('ended.heading')); });
    show(ui.rating, !state.rated);
    show(ui.ratingThanks, false);
    if (first && moveFocus) {
      var firstScore = ui.ratingForm.querySelector('input[name="score"]');
      if (!state.rated && firstScore) firstScore.focus();
      else ui.endedHeading.focus();
    }
  }

  function downloadTranscript(format) {
    show(ui.transcriptError, false);
    fetch('/api/chats/' + encodeURIComponent(state.chatId) + '/transcript?format=' + format, {
      headers: { 'x-chat-token': state.token },
      credentials: 'same-origin',
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.blob();
      })
      .then(function (blob) {
        var url = URL.createObjectURL(blob);
        var link = el('a', { href: url, download: (state.reference || 'transcript') + '.' + format, hidden: true });
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
      })
      .catch(function () {
        ui.transcriptError.textContent = text('transcript.failed');
        show(ui.transcriptError, true);
      });
  }

  function onRate(event) {
    event.preventDefault();
    var form = ui.ratingForm;
    var score = Number(D.formValue(form, 'score'));
    var comment = D.formValue(form, 'comment').trim();
    D.clearFieldErrors(form);
    D.hideSummary(ui.ratingErrors);
    var errors = [];
    if (!(score >= 1 && score <= 5)) errors.push({ field: 'score', message: text('error.field.score') });
    if (comment.length > 1000) errors.push({ field: 'comment', message: text('error.field.comment') });
    if (errors.length) return D.reportErrors(form, ui.ratingErrors, errors);
    var socket = state.socket;
    if (!socket || !socket.connected) return D.reportErrors(form, ui.ratingErrors, [{ message: text('error.network') }]);
    var payload = { score: score };
    if (comment) payload.comment = comment;
    D.setBusy(ui.ratingSubmit, true);
    socket.timeout(ACK_TIMEOUT_MS).emit('chat:rate', payload, function (err, ack) {
      D.setBusy(ui.ratingSubmit, false);
      if (err) return D.reportErrors(form, ui.ratingErrors, [{ message: text('error.network') }]);
      if (!ack || !ack.ok) return D.reportErrors(form, ui.ratingErrors, D.errorsFrom(ack && ack.error));
      state.rated = true;
      save();
      show(ui.rating, false);
      show(ui.ratingThanks, true);
      ui.ratingThanks.focus();
    });
  }

  function onNewChat() {
    forget();
    window.location.assign(window.location.pathname);
  }

  /* ----- wiring ----- */

  if (ui.startForm) ui.startForm.addEventListener('submit', onStart);
  if (ui.showContact) ui.showContact.addEventListener('click', toggleContact);
  ui.contactForm.addEventListener('submit', onContact);
  ui.composer.addEventListener('submit', onSend);
  ui.composerInput.addEventListener('keydown', onComposerKey);
  ui.composerInput.addEventListener('input', typingNow);
  ui.composerInput.addEventListener('blur', typingStopped);
  ui.endChat.addEventListener('click', onEnd);
  ui.ratingForm.addEventListener('submit', onRate);
  ui.newChat.addEventListener('click', onNewChat);
  ui.endedSection.querySelectorAll('[data-transcript]').forEach(function (button) {
    button.addEventListener('click', function () { downloadTranscript(button.dataset.transcript); });
  });

  // A chat from earlier in this tab (reload, or back from another page): pick it up again.
  var saved = load();
  if (saved) {
    state.token = saved.token;
    state.chatId = saved.chatId || null;
    state.endedBy = saved.endedBy || null;
    state.rated = Boolean(saved.rated);
    setReference(saved.reference);
    showChatView();
    (saved.pending || []).forEach(function (p) {
      if (p && typeof p.clientId === 'string' && typeof p.body === 'string') {
        var pending = { clientId: p.clientId, body: p.body };
        state.pending.push(pending);
        renderPending(pending);
      }
    });
    connect();
  }
})();
