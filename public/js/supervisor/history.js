// @ts-check
/*
 * The supervisor's history search. The form is sent to GET /api/history with fetch; results come
 * newest first, "load more" follows nextCursor. The export link always carries the same filters.
 * The count is announced politely in one status line.
 */
import { Transport } from '../chat/transport.js';
import { byId, el, notify, setBusy } from '../page/dom.js';
import { clearFieldErrors, errorsFrom, formValue, reportErrors } from '../page/form-errors.js';
import { dayStart } from '../page/format.js';
import { request } from '../page/http.js';
import { text } from '../page/page-data.js';
import { resultItem } from './history-results.js';

/** @typedef {import('../page/types').HistoryPage} HistoryPage */
/** @typedef {import('../chat/types').AgentClientEventMap} ClientMap */
/** @typedef {import('../chat/types').AgentServerEventMap} ServerMap */

const FIELDS = ['q', 'from', 'to', 'agent', 'topic', 'channel', 'outcome', 'provider', 'rating', 'verified'];
const PAGE_SIZE = 25;

const ui = {
  form: byId('history-form'),
  submit: byId('history-submit'),
  agent: byId('history-agent'),
  exportLink: byId('history-export'),
  notices: byId('history-notices'),
  status: byId('history-status'),
  list: byId('history-list'),
  more: byId('history-more'),
};

let shown = 0;
/** @type {string | null} */
let nextCursor = null;
let currentQuery = '';

function filterParams() {
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    let value = String(formValue(ui.form, name) || '').trim();
    if (name === 'from') value = dayStart(value, 0);
    if (name === 'to') value = dayStart(value, 1); // the API's `to` is exclusive: include the whole day
    if (value) params.set(name, value);
  }
  return params;
}

function updateExportLink() {
  const query = filterParams().toString();
  ui.exportLink.href = `/api/history/export.csv${query ? `?${query}` : ''}`;
}

function announce() {
  if (shown === 0) ui.status.textContent = text('history.count.none');
  else if (nextCursor) ui.status.textContent = text('history.count.more', { count: shown });
  else ui.status.textContent = text(shown === 1 ? 'history.count.one' : 'history.count.all', { count: shown });
}

/** @param {boolean} append */
async function load(append) {
  const params = filterParams();
  params.set('limit', String(PAGE_SIZE));
  if (append && nextCursor) params.set('cursor', nextCursor);
  const button = append ? ui.more : ui.submit;
  setBusy(button, true);
  ui.notices.textContent = '';
  if (!append) ui.status.textContent = text('history.loading');
  const query = params.toString();
  currentQuery = query;
  const result = await request('GET', `/api/history?${query}`);
  setBusy(button, false);
  if (currentQuery !== query) return;
  if (!result.ok || !result.body || !Array.isArray(result.body.items)) {
    const errors = errorsFrom(result.body && result.body.error);
    reportErrors(ui.form, null, errors.filter((e) => e.field));
    notify(ui.notices, errors.map((e) => e.message).join(' '), 'danger');
    ui.status.textContent = text('history.failed');
    return;
  }
  clearFieldErrors(ui.form);
  if (!append) {
    ui.list.textContent = '';
    shown = 0;
  }
  /** @type {HistoryPage} */
  const page = result.body;
  const added = page.items.map(resultItem);
  for (const node of added) ui.list.appendChild(node);
  shown += added.length;
  nextCursor = page.nextCursor || null;
  ui.more.hidden = !nextCursor;
  announce();
  // After "load more" the keyboard continues at the first new result.
  if (append && added[0]) added[0].querySelector('a')?.focus();
}

/** The agent filter's choices: everyone on staff, by name. */
async function fillAgents() {
  /** @type {Transport<ClientMap, ServerMap>} */
  const transport = new Transport('/agent');
  const ack = await transport.request('agents:list', {});
  transport.disconnect();
  if (!ack || !ack.ok || !Array.isArray(ack.agents)) return;
  const agents = ack.agents.slice().sort((a, b) => String(a.displayName).localeCompare(String(b.displayName)));
  for (const agent of agents) ui.agent.appendChild(el('option', { value: agent.id }, [agent.displayName]));
}

ui.form.addEventListener('submit', (/** @type {SubmitEvent} */ event) => {
  event.preventDefault();
  updateExportLink();
  load(false);
});
ui.form.addEventListener('input', updateExportLink);
ui.form.addEventListener('change', updateExportLink);
ui.form.addEventListener('reset', () => {
  window.setTimeout(() => {
    updateExportLink();
    load(false);
  }, 0);
});
ui.more.addEventListener('click', () => load(true));

fillAgents();
updateExportLink();
load(false);
