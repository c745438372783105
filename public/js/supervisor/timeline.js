// @ts-check
/** The supervisor's timeline of one chat: events, messages, notes and audit records in time order. */
import { el } from '../page/dom.js';
import { request } from '../page/http.js';
import { hasText, locale, text } from '../page/page-data.js';

/** @typedef {import('../chat/types').TicketEventDto} TicketEventDto */
/** @typedef {import('../chat/types').TicketDetailDto} TicketDetailDto */
/** @typedef {import('../chat/types').AuditRecordDto} AuditRecordDto */
/** @typedef {import('../chat/types').MessageDto} MessageDto */
/** @typedef {{ kind: 'event' | 'message' | 'note' | 'audit', id: string, at: string, what: string, quote?: string, details: string[], ms?: number, index?: number }} Entry */

const REFRESH_DELAY_MS = 1200;
const AUDIT_PAGES = 5;
/** @type {Record<string, string>} */
const PROVIDERS = { digipost: 'Digipost', eboks: 'e-Boks', 'e-boks': 'e-Boks' };
/** @type {Record<string, string>} */
const SOURCES = { krr: 'KRR', idporten: 'ID-porten' };
const KIND_ORDER = { event: 0, message: 1, note: 2, audit: 3 };
const KIND_COLORS = { event: 'info', message: 'neutral', note: 'warning', audit: 'danger' };
const dateTime = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Oslo' });

/** @param {string} iso */
function formatDateTime(iso) {
  const date = new Date(iso);
  return isNaN(date.getTime()) ? '' : dateTime.format(date);
}

/** @param {TicketEventDto} event */
function eventText(event) {
  const d = event.data || {};
  const name = event.actorName || '';
  switch (event.type) {
    case 'accepted':
      return name ? text('supchat.event.accepted', { name }) : text('tickets.event.accepted');
    case 'transferred':
      return text('supchat.event.transferred', { from: name || '?', to: d.toName || '?' });
    case 'referred':
      return text('supchat.event.referred', { provider: PROVIDERS[String(d.provider)] || String(d.provider || '?'), name: name || '?' });
    case 'closed':
      return text('supchat.event.closed', { name: name || '?', outcome: d.outcome ? text(`outcome.${d.outcome}`) : '?' });
    case 'rated':
      return text('supchat.event.rated', { score: d.score });
    case 'requeued':
      return text('supchat.event.requeued');
    case 'converted-to-ticket':
      return text('supchat.event.converted');
    case 'verified':
      return text('supchat.event.verified');
    default: {
      const key = `tickets.event.${event.type}`;
      const label = hasText(key) ? text(key) : event.type;
      return name ? `${label} – ${name}` : label;
    }
  }
}

/** @param {TicketEventDto} event */
function eventDetail(event) {
  const d = event.data || {};
  if (event.type === 'requeued' || event.type === 'converted-to-ticket') return d.reason ? text('supchat.reason', { reason: String(d.reason) }) : '';
  return '';
}

/** @param {string} body */
function shorten(body) {
  const s = String(body || '');
  return s.length > 280 ? `${s.slice(0, 279)}…` : s;
}

/** @param {AuditRecordDto} record @returns {Entry} */
function auditEntry(record) {
  const sources = (record.sources || []).map((/** @type {string} */ s) => SOURCES[s] || s).join(', ');
  const outcome = Object.keys(record.outcome || {}).map((k) => `${SOURCES[k] || k}: ${record.outcome[k]}`).join(', ');
  const details = [text('supchat.audit.purpose', { purpose: record.purpose || '–' }), text('supchat.audit.sources', { sources: sources || '–' })];
  if (record.subject) details.push(text('supchat.audit.subject', { subject: record.subject }));
  if (outcome) details.push(text('supchat.audit.outcome', { outcome }));
  return { kind: 'audit', id: `a${record.id}`, at: record.createdAt, what: text('supchat.audit.lookup', { name: record.actorName }), details };
}

/**
 * @param {TicketDetailDto} ticket
 * @param {AuditRecordDto[]} audit
 * @param {(message: MessageDto) => string} authorOf
 * @returns {Entry[]}
 */
function entriesFrom(ticket, audit, authorOf) {
  /** @type {Entry[]} */
  const entries = [];
  (ticket.events || []).forEach((event, index) => {
    const detail = eventDetail(event);
    entries.push({ kind: 'event', id: `e${index}${event.type}${event.createdAt}`, at: event.createdAt, what: eventText(event), details: detail ? [detail] : [] });
  });
  for (const message of ticket.messages || []) {
    const what =
      message.kind === 'referral'
        ? text('supchat.entry.referral', { name: authorOf(message) })
        : message.author === 'system'
          ? text('supchat.entry.system')
          : text('supchat.entry.message', { name: authorOf(message) });
    entries.push({ kind: 'message', id: `m${message.id}`, at: message.createdAt, what, quote: shorten(message.body), details: [] });
  }
  for (const note of ticket.notes || []) {
    entries.push({ kind: 'note', id: `n${note.id}`, at: note.createdAt, what: text('supchat.entry.note', { name: note.authorName }), quote: shorten(note.body), details: [] });
  }
  for (const record of audit) entries.push(auditEntry(record));
  entries.forEach((entry, index) => {
    entry.ms = Date.parse(entry.at);
    entry.index = index;
  });
  return entries.sort((a, b) => Number(a.ms) - Number(b.ms) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || Number(a.index) - Number(b.index));
}

/** @param {Entry} entry */
function entryNode(entry) {
  return el('li', { className: 'timeline__item supchat-entry', dataset: { kind: entry.kind } }, [
    el('time', { datetime: entry.at }, [formatDateTime(entry.at)]),
    el('span', { className: 'timeline__what' }, [el('span', { className: 'ds-tag', 'data-color': KIND_COLORS[entry.kind], 'data-size': 'sm' }, [text(`supchat.kind.${entry.kind}`)]), ' ', entry.what]),
    entry.quote ? el('span', { className: 'timeline__detail supchat-entry__quote' }, [entry.quote]) : null,
    ...entry.details.map((detail) => el('span', { className: 'timeline__detail' }, [detail])),
  ]);
}

/** @param {string} chatId @returns {Promise<AuditRecordDto[] | null>} null when the audit could not be read */
async function fetchAudit(chatId) {
  /** @type {AuditRecordDto[]} */
  let items = [];
  /** @type {string | null} */
  let cursor = null;
  for (let left = AUDIT_PAGES; left > 0; left -= 1) {
    const result = await request('GET', `/api/audit?ticket=${encodeURIComponent(chatId)}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!result.ok || !result.body) return null;
    items = items.concat(result.body.items || []);
    cursor = result.body.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export class Timeline {
  /**
   * @param {string} chatId
   * @param {{ timeline: HTMLElement, status: HTMLElement }} ui
   * @param {(message: MessageDto) => string} authorOf
   * @param {(ticket: TicketDetailDto) => void} onTicket the ticket as just read
   */
  constructor(chatId, ui, authorOf, onTicket) {
    this.chatId = chatId;
    this.ui = ui;
    this.authorOf = authorOf;
    this.onTicket = onTicket;
    this.shown = '';
    this.loading = false;
    this.again = false;
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.timer = null;
  }

  /** @param {Entry[]} entries @param {boolean} auditFailed */
  render(entries, auditFailed) {
    const signature = entries.map((e) => e.id).join('|') + (auditFailed ? '!' : '');
    if (signature === this.shown) return;
    this.shown = signature;
    this.ui.timeline.replaceChildren(...entries.map(entryNode));
    const count = text('supchat.timelineCount', { count: entries.length });
    this.ui.status.textContent = auditFailed ? `${count} ${text('supchat.auditFailed')}` : count;
  }

  /** @param {boolean} redraw draw even when nothing changed (the refresh button) */
  async load(redraw) {
    if (redraw) this.shown = '';
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    const [ticket, audit] = await Promise.all([request('GET', `/api/tickets/${encodeURIComponent(this.chatId)}`), fetchAudit(this.chatId)]);
    this.loading = false;
    if (!ticket.ok || !ticket.body) {
      this.ui.status.textContent = text('supchat.timelineFailed');
    } else {
      this.render(entriesFrom(ticket.body, audit || [], this.authorOf), audit === null);
      this.onTicket(ticket.body);
    }
    if (this.again) {
      this.again = false;
      this.schedule(0);
    }
  }

  /** Reads the timeline again a moment from now (several changes in a row: once). */
  schedule(delay = REFRESH_DELAY_MS) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.load(false);
    }, delay);
  }
}
