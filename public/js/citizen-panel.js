/*
 * The citizen context panel (mailbox, ID-porten, identity) and the referral buttons with the
 * provider's contact card. Shared by the agent console (one panel per chat) and the ticket page.
 * The page decides how a referral is made (socket in a chat, HTTP on a ticket) through onRefer.
 */
(function () {
  'use strict';

  var D = window.Desk;
  var text = D.text;
  var el = D.el;
  var LOCALES = { nb: 'nb', nn: 'nn', en: 'en-GB' };
  var PROVIDERS = ['digipost', 'e-boks'];
  var MAILBOX_COLORS = { digipost: 'info', 'e-boks': 'info', none: 'warning', reserved: 'warning', 'not-registered': 'warning', deleted: 'danger', unknown: 'neutral' };
  var IDPORTEN_COLORS = { active: 'success', closed: 'danger', 'never-seen': 'warning', unknown: 'neutral' };
  var dateTime = new Intl.DateTimeFormat(LOCALES[D.data.lang] || 'nb', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });

  /** "3. mars 2026 kl. 10:15" in Norwegian time; '' for a missing or bad date. */
  function formatDateTime(iso) {
    var date = iso ? new Date(iso) : null;
    return date && !isNaN(date.getTime()) ? dateTime.format(date) : '';
  }

  function timeEl(iso) {
    return el('time', { datetime: iso }, [formatDateTime(iso)]);
  }

  function providerName(provider) {
    return text('mailbox.' + provider);
  }

  function badge(label, color, role) {
    return el('span', { className: 'ds-tag context-badge', 'data-color': color, 'data-size': 'sm', dataset: role ? { role: role } : null }, [label]);
  }

  function fact(label, values, role) {
    return el('div', { dataset: role ? { role: role } : null }, [el('dt', null, [label]), el('dd', null, values)]);
  }

  function identityFacts(citizen) {
    var values = [citizen.verified ? badge(text('context.verified'), 'success', 'identity') : badge(text('context.unverified'), 'neutral', 'identity')];
    var auth = citizen.verified && citizen.authentication;
    if (auth) {
      var details = [];
      if (auth.acr) details.push(el('li', null, [text('context.acr', { acr: auth.acr })]));
      if (auth.amr && auth.amr.length) details.push(el('li', null, [text('context.amr', { amr: auth.amr.join(', ') })]));
      if (auth.authTime) details.push(el('li', null, [text('context.authTime'), ' ', timeEl(auth.authTime)]));
      if (details.length) values.push(el('ul', { className: 'context-list' }, details));
    }
    return fact(text('context.identity'), values, 'identity-row');
  }

  function mailboxFacts(mailbox) {
    var state = mailbox.state || 'unknown';
    var values = [badge(text('mailbox.' + state), MAILBOX_COLORS[state] || 'neutral', 'mailbox-state')];
    var rows = [fact(text('context.mailbox'), values, 'mailbox-row')];
    if (mailbox.address) rows.push(fact(text('context.address'), [el('span', { className: 'context-address' }, [mailbox.address])], 'mailbox-address'));
    return rows;
  }

  function idportenFacts(idporten) {
    var state = idporten.state || 'unknown';
    var values = [badge(text('idporten.' + state), IDPORTEN_COLORS[state] || 'neutral', 'idporten-state')];
    if (state === 'closed') {
      var closed = [];
      if (idporten.closedCode) closed.push(el('li', null, [text('context.closedCode', { code: idporten.closedCode })]));
      if (idporten.closedAt) closed.push(el('li', null, [text('context.closedAt'), ' ', timeEl(idporten.closedAt)]));
      if (closed.length) values.push(el('ul', { className: 'context-list' }, closed));
    }
    var rows = [fact(text('context.idporten'), values, 'idporten-row')];
    if (state === 'unknown') return rows;
    rows.push(fact(text('context.lastLogin'), [idporten.lastLogin ? timeEl(idporten.lastLogin) : text('context.never')], 'last-login'));
    var logins = idporten.logins || [];
    rows.push(
      fact(
        text('context.eids'),
        logins.length === 0
          ? [text('context.noEids')]
          : [
              el(
                'ul',
                { className: 'context-list' },
                logins.map(function (login) {
                  return el('li', null, [
                    el('strong', null, [login.eid]),
                    ': ',
                    login.lastLogin ? text('context.lastLoginAt') + ' ' : text('context.never'),
                    login.lastLogin ? timeEl(login.lastLogin) : null,
                  ]);
                }),
              ),
            ],
        'eids',
      ),
    );
    return rows;
  }

  /** The provider's details to read out or send: name, phone, e-mail or contact form, web. */
  function contactCard(contact) {
    var rows = [];
    if (contact.phone) rows.push(fact(text('referral.phone'), [el('a', { className: 'ds-link', href: 'tel:' + contact.phone.replace(/\s+/g, '') }, [contact.phone])]));
    if (contact.email) rows.push(fact(text('referral.email'), [el('a', { className: 'ds-link', href: 'mailto:' + contact.email }, [contact.email])]));
    if (contact.contactForm) rows.push(fact(text('referral.contactForm'), [el('a', { className: 'ds-link', href: contact.contactForm, rel: 'noopener noreferrer' }, [contact.contactForm])]));
    if (contact.web) rows.push(fact(text('referral.web'), [el('a', { className: 'ds-link', href: contact.web, rel: 'noopener noreferrer' }, [contact.web])]));
    return el('div', { className: 'contact-card', dataset: { role: 'contact-card' } }, [
      el('p', { className: 'contact-card__name' }, [contact.name || '']),
      el('dl', { className: 'facts' }, rows),
    ]);
  }

  /**
   * panel = new CitizenPanel({ root, headingLevel, idPrefix, onRefer(provider, done) })
   * onRefer calls done({ ok, contact, text, live, error }) when the referral is made or failed.
   */
  function CitizenPanel(options) {
    this.root = options.root;
    this.idPrefix = options.idPrefix || 'citizen';
    this.onRefer = options.onRefer;
    this.name = null;
    this.citizen = null;
    this.disabled = false;
    var headingId = this.idPrefix + '-context-heading';
    this.root.classList.add('context-panel');
    this.root.setAttribute('aria-labelledby', headingId);
    this.heading = el('h' + (options.headingLevel || 4), { className: 'ds-heading', 'data-size': '2xs', id: headingId }, [text('context.heading')]);
    this.body = el('div', { className: 'context-panel__body', dataset: { role: 'context-body' } }, [el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [text('context.loading')])]);
    this.referLabelId = this.idPrefix + '-refer-label';
    this.buttons = el('div', { className: 'button-row refer-buttons', role: 'group', 'aria-labelledby': this.referLabelId });
    this.result = el('div', { className: 'referral-result', role: 'status', 'aria-live': 'polite', dataset: { role: 'referral-result' } });
    this.root.appendChild(this.heading);
    this.root.appendChild(this.body);
    this.root.appendChild(el('div', { className: 'refer' }, [el('p', { className: 'tools-label', id: this.referLabelId }, [text('agent.refer')]), this.buttons, this.result]));
    this.renderButtons(null);
  }

  CitizenPanel.prototype.setName = function (name) {
    this.name = name || null;
    if (this.citizen) this.render(this.citizen);
  };

  CitizenPanel.prototype.loading = function () {
    this.body.setAttribute('aria-busy', 'true');
  };

  CitizenPanel.prototype.failed = function () {
    this.body.removeAttribute('aria-busy');
    if (this.citizen) return;
    this.body.textContent = '';
    this.body.appendChild(el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [text('context.failed')]));
  };

  CitizenPanel.prototype.render = function (citizen) {
    if (!citizen) return;
    this.citizen = citizen;
    this.body.removeAttribute('aria-busy');
    this.body.textContent = '';
    var rows = [];
    if (this.name) rows.push(fact(text('context.name'), [this.name]));
    rows.push(fact(text('context.nationalId'), [citizen.nationalId || text('context.notGiven')], 'national-id'));
    rows.push(identityFacts(citizen));
    var mailbox = citizen.mailbox || { state: 'unknown' };
    var idporten = citizen.idporten || { state: 'unknown', logins: [] };
    if (citizen.nationalId) {
      rows = rows.concat(mailboxFacts(mailbox), idportenFacts(idporten));
    }
    this.body.appendChild(el('dl', { className: 'facts context-facts' }, rows));
    if (!citizen.nationalId) {
      this.body.appendChild(el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [text('context.noNationalId')]));
    }
    if (citizen.nationalId && mailbox.contactOutdated) {
      this.body.appendChild(
        el('div', { className: 'ds-alert context-warning', 'data-color': 'warning', 'data-size': 'sm', dataset: { role: 'outdated' } }, [
          el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [text('context.outdated')]),
        ]),
      );
    }
    this.renderButtons(mailbox.suggestedReferral || null);
  };

  /** The suggested provider is the primary button and comes first; the other is secondary. */
  CitizenPanel.prototype.renderButtons = function (suggested) {
    var panel = this;
    var focused = this.buttons.contains(document.activeElement) ? document.activeElement.dataset.refer : null;
    this.buttons.textContent = '';
    var order = suggested ? [suggested].concat(PROVIDERS.filter(function (p) { return p !== suggested; })) : PROVIDERS;
    order.forEach(function (provider) {
      var button = el('button', { type: 'button', className: 'ds-button', 'data-variant': provider === suggested ? 'primary' : 'secondary', 'data-size': 'sm', dataset: { refer: provider } }, [
        text('agent.refer.' + provider),
      ]);
      if (provider === suggested) button.appendChild(el('span', { className: 'ds-sr-only' }, [' (' + text('context.suggested') + ')']));
      button.disabled = panel.disabled;
      button.addEventListener('click', function () { panel.refer(provider, button); });
      panel.buttons.appendChild(button);
      if (provider === focused) button.focus();
    });
  };

  CitizenPanel.prototype.setDisabled = function (disabled) {
    this.disabled = disabled;
    this.buttons.querySelectorAll('button').forEach(function (button) { button.disabled = disabled; });
  };

  CitizenPanel.prototype.refer = function (provider, button) {
    var panel = this;
    D.setBusy(button, true);
    this.onRefer(provider, function (outcome) {
      D.setBusy(button, false);
      button.disabled = panel.disabled;
      panel.result.textContent = '';
      if (!outcome || !outcome.ok) {
        panel.result.appendChild(
          el('div', { className: 'ds-alert', 'data-color': 'danger', 'data-size': 'sm' }, [
            el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [text('referral.failed', { message: (outcome && outcome.error) || text('error.generic') })]),
          ]),
        );
        return;
      }
      var name = (outcome.contact && outcome.contact.name) || providerName(provider);
      var children = [
        el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [el('strong', null, [text(outcome.live ? 'referral.doneChat' : 'referral.done', { provider: name })])]),
      ];
      if (outcome.contact) children.push(contactCard(outcome.contact));
      if (outcome.text && !outcome.live) {
        children.push(el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [text('referral.text')]));
        children.push(el('blockquote', { className: 'referral-text' }, [outcome.text]));
      }
      panel.result.appendChild(el('div', { className: 'ds-alert', 'data-color': 'success', 'data-size': 'sm', dataset: { role: 'referral-done' } }, children));
    });
  };

  /** GET /api/tickets/:id/citizen; calls back with the context or null. */
  function fetchCitizen(ticketId, callback) {
    fetch('/api/tickets/' + encodeURIComponent(ticketId) + '/citizen', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (citizen) { callback(citizen); })
      .catch(function () { callback(null); });
  }

  window.DeskCitizen = { Panel: CitizenPanel, fetchCitizen: fetchCitizen, contactCard: contactCard, formatDateTime: formatDateTime };
})();
