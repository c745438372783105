/* The ticket list: GET /api/tickets with the page's filters, and "load more" through nextCursor. */
import { Desk as D, locale } from '../chat/desk.js';
import { request } from '../chat/http.js';

var text = D.text;
var el = D.el;
var data = D.data;
var PAGE_SIZE = 25;
var dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' });

var table = document.getElementById('ticket-table');
var rows = document.getElementById('ticket-rows');
var status = document.getElementById('ticket-status');
var more = document.getElementById('load-more');
var cursor = null;
var shown = 0;

function query() {
  var params = new URLSearchParams();
  var filters = data.filters || {};
  ['status', 'topic', 'channel', 'q'].forEach(function (name) {
    if (filters[name]) params.set(name, filters[name]);
  });
  params.set('limit', String(PAGE_SIZE));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

function row(ticket) {
  var updated = new Date(ticket.updatedAt);
  // The marker is a word beside the link, not a colour: screen readers read it with the reference.
  var unread = ticket.unread ? el('span', { className: 'ds-tag ticket-unread', 'data-color': 'warning' }, [text('tickets.unread')]) : null;
  return el('tr', { className: ticket.unread ? 'ticket-row--unread' : null, dataset: { ticketId: ticket.id } }, [
    el('td', null, [el('a', { className: 'ds-link', href: '/agent/tickets/' + encodeURIComponent(ticket.id) }, [ticket.reference]), unread ? ' ' : null, unread]),
    el('td', null, [text('channel.' + ticket.channel)]),
    el('td', null, [text('topic.' + ticket.topic)]),
    el('td', null, [text('ticketStatus.' + ticket.status)]),
    el('td', null, [[ticket.citizenName, ticket.nationalId].filter(Boolean).join(', ') || '–']),
    el('td', null, [ticket.assignee ? ticket.assignee.displayName : '–']),
    el('td', null, [el('time', { datetime: ticket.updatedAt }, [isNaN(updated.getTime()) ? '' : dateTime.format(updated)])]),
  ]);
}

function load(focusFirstNew) {
  D.setBusy(more, true);
  status.textContent = text('tickets.loading');
  request('GET', '/api/tickets?' + query()).then(function (result) {
      D.setBusy(more, false);
      if (result.status === 0) {
        status.textContent = text('error.network');
        return;
      }
      if (!result.ok) {
        status.textContent = text('agent.failed', { message: D.errorsFrom(result.body && result.body.error)[0].message });
        return;
      }
      var page = result.body;
      var firstNew = null;
      (page.items || []).forEach(function (ticket) {
        var tr = row(ticket);
        if (!firstNew) firstNew = tr;
        rows.appendChild(tr);
      });
      shown += (page.items || []).length;
      cursor = page.nextCursor || null;
      table.hidden = shown === 0;
      more.hidden = !cursor;
      status.textContent = shown === 0 ? text('tickets.none') : text(cursor ? 'tickets.countMore' : 'tickets.count', { count: shown });
      if (focusFirstNew && firstNew) firstNew.querySelector('a').focus();
      else if (focusFirstNew) status.focus();
    });
}

status.setAttribute('tabindex', '-1');
more.addEventListener('click', function () { load(true); });
load(false);
