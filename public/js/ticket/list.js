// @ts-check
/** The ticket list: GET /api/tickets with the page's filters, and "load more" through nextCursor. */
import { el, byId, setBusy } from '../page/dom.js';
import { firstError } from '../page/form-errors.js';
import { request } from '../page/http.js';
import { data, locale, text } from '../page/page-data.js';

/** @typedef {import('../page/types').TicketSummaryDto} TicketSummaryDto */
/** @typedef {import('../page/types').Page<TicketSummaryDto>} TicketPage */

const PAGE_SIZE = 25;
const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' });

const table = byId('ticket-table');
const rows = byId('ticket-rows');
const status = byId('ticket-status');
const more = byId('load-more');
/** @type {string | null} */
let cursor = null;
let shown = 0;

function query() {
  const params = new URLSearchParams();
  const filters = data.filters || {};
  for (const name of ['status', 'topic', 'channel', 'q']) {
    if (filters[name]) params.set(name, filters[name]);
  }
  params.set('limit', String(PAGE_SIZE));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** @param {TicketSummaryDto} ticket */
function row(ticket) {
  const updated = new Date(ticket.updatedAt);
  // The marker is a word beside the link, not a colour: screen readers read it with the reference.
  const unread = ticket.unread ? el('span', { className: 'ds-tag ticket-unread', 'data-color': 'warning' }, [text('tickets.unread')]) : null;
  return el('tr', { className: ticket.unread ? 'ticket-row--unread' : null, dataset: { ticketId: ticket.id } }, [
    el('td', null, [el('a', { className: 'ds-link', href: `/agent/tickets/${encodeURIComponent(ticket.id)}` }, [ticket.reference]), unread ? ' ' : null, unread]),
    el('td', null, [text(`channel.${ticket.channel}`)]),
    el('td', null, [text(`topic.${ticket.topic}`)]),
    el('td', null, [text(`ticketStatus.${ticket.status}`)]),
    el('td', null, [[ticket.citizenName, ticket.nationalId].filter(Boolean).join(', ') || '–']),
    el('td', null, [ticket.assignee ? ticket.assignee.displayName : '–']),
    el('td', null, [el('time', { datetime: ticket.updatedAt }, [isNaN(updated.getTime()) ? '' : dateTime.format(updated)])]),
  ]);
}

/** @param {boolean} focusFirstNew */
async function load(focusFirstNew) {
  setBusy(more, true);
  status.textContent = text('tickets.loading');
  const result = await request('GET', `/api/tickets?${query()}`);
  setBusy(more, false);
  if (result.status === 0) {
    status.textContent = text('error.network');
    return;
  }
  if (!result.ok) {
    status.textContent = text('agent.failed', { message: firstError(result) });
    return;
  }
  /** @type {TicketPage} */
  const page = result.body;
  const items = page.items || [];
  const added = items.map(row);
  for (const tr of added) rows.appendChild(tr);
  shown += items.length;
  cursor = page.nextCursor || null;
  table.hidden = shown === 0;
  more.hidden = !cursor;
  status.textContent = shown === 0 ? text('tickets.none') : text(cursor ? 'tickets.countMore' : 'tickets.count', { count: shown });
  if (focusFirstNew && added[0]) /** @type {HTMLElement} */ (added[0].querySelector('a')).focus();
  else if (focusFirstNew) status.focus();
}

status.setAttribute('tabindex', '-1');
more.addEventListener('click', () => load(true));
load(false);
