// @ts-check
/**
 * The citizen context panel (mailbox, ID-porten, identity) and the referral buttons with the
 * provider's contact card. Shared by the agent console (one panel per chat) and the ticket page.
 * The page decides how a referral is made (socket in a chat, HTTP on a ticket) through onRefer.
 */
import { el, setBusy } from '../page/dom.js';
import { formatDateTime } from '../page/format.js';
import { request } from '../page/http.js';
import { text } from '../page/page-data.js';

/** @typedef {import('../chat/types').CitizenContext} CitizenContext */
/** @typedef {import('../chat/types').MailboxStatus} MailboxStatus */
/** @typedef {import('../chat/types').IdportenStatus} IdportenStatus */
/** @typedef {{ name?: string, phone?: string, email?: string, contactForm?: string, web?: string }} Contact */
/** @typedef {{ ok: boolean, contact?: Contact | null, text?: string, live?: boolean, error?: string }} ReferOutcome */

const PROVIDERS = ['digipost', 'e-boks'];
/** @type {Record<string, string>} */
const MAILBOX_COLORS = { digipost: 'info', 'e-boks': 'info', none: 'warning', reserved: 'warning', 'not-registered': 'warning', deleted: 'danger', unknown: 'neutral' };
/** @type {Record<string, string>} */
const IDPORTEN_COLORS = { active: 'success', closed: 'danger', 'never-seen': 'warning', unknown: 'neutral' };

/** @param {string} iso */
const timeEl = (iso) => el('time', { datetime: iso }, [formatDateTime(iso)]);

/** @param {string} label @param {string} color @param {string} [role] */
const badge = (label, color, role) => el('span', { className: 'ds-tag context-badge', 'data-color': color, 'data-size': 'sm', dataset: role ? { role } : null }, [label]);

/** @param {string} label @param {(Node | string | null)[]} values @param {string} [role] */
const fact = (label, values, role) => el('div', { dataset: role ? { role } : null }, [el('dt', null, [label]), el('dd', null, values)]);

/** @param {Partial<CitizenContext>} citizen */
function identityFacts(citizen) {
  const values = [citizen.verified ? badge(text('context.verified'), 'success', 'identity') : badge(text('context.unverified'), 'neutral', 'identity')];
  const auth = citizen.verified && citizen.authentication;
  if (auth) {
    const details = [];
    if (auth.acr) details.push(el('li', null, [text('context.acr', { acr: auth.acr })]));
    if (auth.amr?.length) details.push(el('li', null, [text('context.amr', { amr: auth.amr.join(', ') })]));
    if (auth.authTime) details.push(el('li', null, [text('context.authTime'), ' ', timeEl(auth.authTime)]));
    if (details.length) values.push(el('ul', { className: 'context-list' }, details));
  }
  return fact(text('context.identity'), values, 'identity-row');
}

/** @param {Partial<MailboxStatus>} mailbox */
function mailboxFacts(mailbox) {
  const state = mailbox.state || 'unknown';
  const rows = [fact(text('context.mailbox'), [badge(text(`mailbox.${state}`), MAILBOX_COLORS[state] || 'neutral', 'mailbox-state')], 'mailbox-row')];
  if (mailbox.address) rows.push(fact(text('context.address'), [el('span', { className: 'context-address' }, [mailbox.address])], 'mailbox-address'));
  return rows;
}

/** @param {Partial<IdportenStatus>} idporten */
function idportenFacts(idporten) {
  const state = idporten.state || 'unknown';
  const values = [badge(text(`idporten.${state}`), IDPORTEN_COLORS[state] || 'neutral', 'idporten-state')];
  if (state === 'closed') {
    const closed = [];
    if (idporten.closedCode) closed.push(el('li', null, [text('context.closedCode', { code: idporten.closedCode })]));
    if (idporten.closedAt) closed.push(el('li', null, [text('context.closedAt'), ' ', timeEl(idporten.closedAt)]));
    if (closed.length) values.push(el('ul', { className: 'context-list' }, closed));
  }
  const rows = [fact(text('context.idporten'), values, 'idporten-row')];
  if (state === 'unknown') return rows;
  rows.push(fact(text('context.lastLogin'), [idporten.lastLogin ? timeEl(idporten.lastLogin) : text('context.never')], 'last-login'));
  /** @type {{ eid: string, lastLogin?: string | null }[]} */
  const logins = idporten.logins || [];
  const eids = logins.map((login) =>
    el('li', null, [el('strong', null, [login.eid]), ': ', login.lastLogin ? `${text('context.lastLoginAt')} ` : text('context.never'), login.lastLogin ? timeEl(login.lastLogin) : null]),
  );
  rows.push(fact(text('context.eids'), logins.length === 0 ? [text('context.noEids')] : [el('ul', { className: 'context-list' }, eids)], 'eids'));
  return rows;
}

/**
 * The provider's details to read out or send: name, phone, e-mail or contact form, web.
 * @param {Contact} contact
 */
export function contactCard(contact) {
  const rows = [];
  if (contact.phone) rows.push(fact(text('referral.phone'), [el('a', { className: 'ds-link', href: `tel:${contact.phone.replace(/\s+/g, '')}` }, [contact.phone])]));
  if (contact.email) rows.push(fact(text('referral.email'), [el('a', { className: 'ds-link', href: `mailto:${contact.email}` }, [contact.email])]));
  if (contact.contactForm) rows.push(fact(text('referral.contactForm'), [el('a', { className: 'ds-link', href: contact.contactForm, rel: 'noopener noreferrer' }, [contact.contactForm])]));
  if (contact.web) rows.push(fact(text('referral.web'), [el('a', { className: 'ds-link', href: contact.web, rel: 'noopener noreferrer' }, [contact.web])]));
  return el('div', { className: 'contact-card', dataset: { role: 'contact-card' } }, [el('p', { className: 'contact-card__name' }, [contact.name || '']), el('dl', { className: 'facts' }, rows)]);
}

/** @param {string} color @param {(Node | string)[]} children @param {string} [role] */
const alert = (color, children, role) => el('div', { className: 'ds-alert', 'data-color': color, 'data-size': 'sm', dataset: role ? { role } : null }, children);

export class CitizenPanel {
  /**
   * @param {{ root: HTMLElement, headingLevel?: number, idPrefix?: string, onRefer: (provider: string) => Promise<ReferOutcome> }} options
   *   onRefer: makes the referral; resolves when it is made or failed
   */
  constructor(options) {
    this.root = options.root;
    this.idPrefix = options.idPrefix || 'citizen';
    this.onRefer = options.onRefer;
    /** @type {string | null} */
    this.name = null;
    /** @type {Partial<CitizenContext> | null} */
    this.citizen = null;
    this.disabled = false;
    const headingId = `${this.idPrefix}-context-heading`;
    this.root.classList.add('context-panel');
    this.root.setAttribute('aria-labelledby', headingId);
    this.heading = el(`h${options.headingLevel || 4}`, { className: 'ds-heading', 'data-size': '2xs', id: headingId }, [text('context.heading')]);
    this.body = el('div', { className: 'context-panel__body', dataset: { role: 'context-body' } }, [el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [text('context.loading')])]);
    const referLabelId = `${this.idPrefix}-refer-label`;
    this.buttons = el('div', { className: 'button-row refer-buttons', role: 'group', 'aria-labelledby': referLabelId });
    this.result = el('div', { className: 'referral-result', role: 'status', 'aria-live': 'polite', dataset: { role: 'referral-result' } });
    this.root.append(this.heading, this.body, el('div', { className: 'refer' }, [el('p', { className: 'tools-label', id: referLabelId }, [text('agent.refer')]), this.buttons, this.result]));
    this.renderButtons(null);
  }

  /** @param {string | null | undefined} name */
  setName(name) {
    this.name = name || null;
    if (this.citizen) this.render(this.citizen);
  }

  loading() {
    this.body.setAttribute('aria-busy', 'true');
  }

  failed() {
    this.body.removeAttribute('aria-busy');
    if (this.citizen) return;
    this.body.textContent = '';
    this.body.appendChild(el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [text('context.failed')]));
  }

  /** @param {Partial<CitizenContext> | null | undefined} citizen the citizen context of contract §4 */
  render(citizen) {
    if (!citizen) return;
    this.citizen = citizen;
    this.body.removeAttribute('aria-busy');
    this.body.textContent = '';
    let rows = [];
    if (this.name) rows.push(fact(text('context.name'), [this.name]));
    rows.push(fact(text('context.nationalId'), [citizen.nationalId || text('context.notGiven')], 'national-id'));
    rows.push(identityFacts(citizen));
    /** @type {Partial<MailboxStatus>} */
    const mailbox = citizen.mailbox || { state: 'unknown' };
    /** @type {Partial<IdportenStatus>} */
    const idporten = citizen.idporten || { state: 'unknown', logins: [] };
    if (citizen.nationalId) rows = rows.concat(mailboxFacts(mailbox), idportenFacts(idporten));
    this.body.appendChild(el('dl', { className: 'facts context-facts' }, rows));
    if (!citizen.nationalId) this.body.appendChild(el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [text('context.noNationalId')]));
    if (citizen.nationalId && mailbox.contactOutdated) {
      this.body.appendChild(alert('warning', [el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [text('context.outdated')])], 'outdated'));
    }
    this.renderButtons(mailbox.suggestedReferral || null);
  }

  /**
   * The suggested provider is the primary button and comes first; the other is secondary.
   * @param {string | null} suggested
   */
  renderButtons(suggested) {
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    const focused = active && this.buttons.contains(active) ? active.dataset.refer : null;
    this.buttons.textContent = '';
    const order = suggested ? [suggested, ...PROVIDERS.filter((p) => p !== suggested)] : PROVIDERS;
    for (const provider of order) {
      const button = /** @type {HTMLButtonElement} */ (
        el('button', { type: 'button', className: 'ds-button', 'data-variant': provider === suggested ? 'primary' : 'secondary', 'data-size': 'sm', dataset: { refer: provider } }, [text(`agent.refer.${provider}`)])
      );
      if (provider === suggested) button.appendChild(el('span', { className: 'ds-sr-only' }, [` (${text('context.suggested')})`]));
      button.disabled = this.disabled;
      button.addEventListener('click', () => void this.refer(provider, button));
      this.buttons.appendChild(button);
      if (provider === focused) button.focus();
    }
  }

  /** @param {boolean} disabled */
  setDisabled(disabled) {
    this.disabled = disabled;
    this.buttons.querySelectorAll('button').forEach((button) => (button.disabled = disabled));
  }

  /** @param {string} provider @param {HTMLButtonElement} button */
  async refer(provider, button) {
    setBusy(button, true);
    const outcome = await this.onRefer(provider);
    setBusy(button, false);
    button.disabled = this.disabled;
    this.result.textContent = '';
    if (!outcome?.ok) {
      const message = text('referral.failed', { message: outcome?.error || text('error.generic') });
      this.result.appendChild(alert('danger', [el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [message])]));
      return;
    }
    const name = outcome.contact?.name || text(`mailbox.${provider}`);
    const children = [el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [el('strong', null, [text(outcome.live ? 'referral.doneChat' : 'referral.done', { provider: name })])])];
    if (outcome.contact) children.push(contactCard(outcome.contact));
    if (outcome.text && !outcome.live) {
      children.push(el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [text('referral.text')]));
      children.push(el('blockquote', { className: 'referral-text' }, [outcome.text]));
    }
    this.result.appendChild(alert('success', children, 'referral-done'));
  }
}

/**
 * GET /api/tickets/:id/citizen: the context, or null.
 * @param {string} ticketId
 * @returns {Promise<CitizenContext | null>}
 */
export async function fetchCitizen(ticketId) {
  const result = await request('GET', `/api/tickets/${encodeURIComponent(ticketId)}/citizen`);
  return result.ok ? result.body : null;
}
