// @ts-check
/** The supervisor's figures for a period (GET /api/metrics/summary): key figures, then the charts. */
import { byId, el, notify, setBusy } from '../page/dom.js';
import { clearFieldErrors, errorsFrom, reportErrors } from '../page/form-errors.js';
import { dayStart, formatDuration } from '../page/format.js';
import { request } from '../page/http.js';
import { text } from '../page/page-data.js';
import { num, renderCharts } from './metrics-charts.js';

/** @typedef {import('../page/types').MetricsSummary} MetricsSummary */

const ui = {
  form: byId('metrics-form'),
  submit: byId('metrics-submit'),
  from: byId('metrics-from'),
  to: byId('metrics-to'),
  notices: byId('metrics-notices'),
  status: byId('metrics-status'),
  figures: byId('metrics-figures'),
  charts: byId('metrics-charts'),
};

/** @param {number | null | undefined} seconds */
const duration = (seconds) => (seconds === null || seconds === undefined ? text('metrics.none') : formatDuration(seconds, 'metrics'));

/** @param {string} label @param {string} value */
const figure = (label, value) => el('div', { className: 'ds-card board-stat' }, [el('dt', null, [label]), el('dd', null, [value])]);

/** @param {MetricsSummary} summary */
function renderFigures(summary) {
  ui.figures.textContent = '';
  const figures = [
    figure(text('metrics.fig.chats'), num(summary.chats.total)),
    figure(text('metrics.fig.answered'), num(summary.chats.answered)),
    figure(text('metrics.fig.unanswered'), num(summary.chats.unanswered)),
    figure(text('metrics.fig.waitMedian'), duration(summary.waitSeconds.median)),
    figure(text('metrics.fig.waitP90'), duration(summary.waitSeconds.p90)),
    figure(text('metrics.fig.handlingMedian'), duration(summary.handlingSeconds.median)),
    figure(text('metrics.fig.handlingP90'), duration(summary.handlingSeconds.p90)),
    figure(text('metrics.fig.offline'), num(summary.offlineTickets)),
    figure(text('metrics.fig.ratingAverage'), num(summary.ratings.average)),
  ];
  for (const node of figures) ui.figures.appendChild(node);
}

async function load() {
  const from = dayStart(ui.from.value, 0);
  const to = dayStart(ui.to.value, 1);
  const errors = [];
  if (!from) errors.push({ field: 'from', message: text('metrics.error.date') });
  if (!to) errors.push({ field: 'to', message: text('metrics.error.date') });
  if (from && to && from >= to) errors.push({ field: 'to', message: text('metrics.error.order') });
  if (errors.length > 0) {
    reportErrors(ui.form, null, errors);
    return;
  }
  clearFieldErrors(ui.form);
  setBusy(ui.submit, true);
  ui.notices.textContent = '';
  ui.status.textContent = text('metrics.loading');
  const result = await request('GET', `/api/metrics/summary?${new URLSearchParams({ from, to })}`);
  setBusy(ui.submit, false);
  if (!result.ok || !result.body || !result.body.chats) {
    notify(ui.notices, errorsFrom(result.body && result.body.error).map((e) => e.message).join(' '), 'danger');
    ui.status.textContent = text('metrics.failed');
    return;
  }
  /** @type {MetricsSummary} */
  const summary = result.body;
  renderFigures(summary);
  renderCharts(ui.charts, summary);
  ui.status.textContent = text('metrics.loaded', { from: ui.from.value, to: ui.to.value, count: num(summary.chats.total) });
}

ui.form.addEventListener('submit', (/** @type {SubmitEvent} */ event) => {
  event.preventDefault();
  load();
});

load();
