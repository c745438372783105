// @ts-check
/**
 * "Earlier contacts (N)": the citizen's other tickets and chats, beside the citizen panel on the
 * agent console and the ticket page, and the result list of the search by number (ticket list page).
 * Every fetch is an audited look-up on the server, so it is made once per panel load, not polled.
 */
import { el } from '../page/dom.js';
import { formatDateTime } from '../page/format.js';
import { request } from '../page/http.js';
import { text } from '../page/page-data.js';

/** @typedef {import('../page/types').EarlierContact} EarlierContact */
/** @typedef {import('../page/types').EarlierContacts} EarlierContacts */

const small = (/** @type {string} */ words) => el('p', { className: 'ds-paragraph', 'data-size': 'sm' }, [words]);

/** @param {EarlierContact} contact */
function outcome(contact) {
  const status = text(`ticketStatus.${contact.status}`);
  return contact.outcome ? `${status} (${text(`outcome.${contact.outcome}`)})` : status;
}

/**
 * One contact: its reference opens the ticket page; then date, channel, topic, outcome, referral.
 * @param {EarlierContact} contact
 */
function contactItem(contact) {
  const facts = [text(`channel.${contact.channel}`), text(`topic.${contact.topic}`), outcome(contact)];
  if (contact.referral) facts.push(text(`earlier.referral.${contact.referral}`));
  if (contact.nationalId) facts.push(`${text('earlier.nationalId')} ${contact.nationalId}${contact.verified ? ` (${text('earlier.verified')})` : ''}`);
  return el('li', { className: 'earlier-contact', dataset: { ticketId: contact.id } }, [
    el('a', { className: 'ds-link', href: `/agent/tickets/${encodeURIComponent(contact.id)}` }, [contact.reference]),
    ' ',
    el('time', { datetime: contact.createdAt }, [formatDateTime(contact.createdAt)]),
    el('span', { className: 'earlier-contact__facts' }, [facts.join(' · ')]),
  ]);
}

/**
 * The list, or a sentence when there is nothing, and how many are not shown.
 * @param {EarlierContacts} result
 * @returns {HTMLElement[]}
 */
export function contactList(result) {
  if (result.items.length === 0) return [small(text('earlier.none'))];
  const nodes = [el('ul', { className: 'earlier-contacts__list', dataset: { role: 'earlier-list' } }, result.items.map(contactItem))];
  if (result.total > result.items.length) nodes.push(small(text('earlier.more', { shown: result.items.length, count: result.total })));
  return nodes;
}

export class EarlierContactsPanel {
  /** @param {{ root: HTMLElement, headingLevel: number, idPrefix: string }} options appended to root */
  constructor(options) {
    const headingId = `${options.idPrefix}-earlier-heading`;
    this.heading = el(`h${options.headingLevel}`, { className: 'ds-heading', 'data-size': '2xs', id: headingId }, [text('earlier.heading')]);
    this.body = el('div', { dataset: { role: 'earlier-body' } }, [small(text('earlier.loading'))]);
    this.root = el('div', { className: 'earlier-contacts', role: 'group', 'aria-labelledby': headingId, dataset: { role: 'earlier-contacts' } }, [this.heading, this.body]);
    options.root.appendChild(this.root);
  }

  loading() {
    this.body.setAttribute('aria-busy', 'true');
  }

  failed() {
    this.body.removeAttribute('aria-busy');
    this.body.replaceChildren(small(text('earlier.failed')));
  }

  /** @param {EarlierContacts} result */
  render(result) {
    this.body.removeAttribute('aria-busy');
    this.heading.textContent = result.matchedBy ? text('earlier.headingCount', { count: result.total }) : text('earlier.heading');
    if (!result.matchedBy) {
      this.body.replaceChildren(small(text('earlier.noKey')));
      return;
    }
    // A typed number may be anyone's: the agent is warned before they speak of these contacts.
    const warning = result.numberVerified === false ? [el('p', { className: 'ds-paragraph earlier-contacts__warning', 'data-size': 'sm', dataset: { role: 'earlier-unverified' } }, [text('earlier.unverified')])] : [];
    this.body.replaceChildren(small(text(`earlier.by.${result.matchedBy}`)), ...warning, ...contactList(result));
  }

  /** Looks the ticket's citizen up (audited) and shows the answer. @param {string} ticketId */
  async load(ticketId) {
    this.loading();
    const result = await request('GET', `/api/tickets/${encodeURIComponent(ticketId)}/earlier-contacts`);
    if (result.ok) this.render(result.body);
    else this.failed();
  }
}
