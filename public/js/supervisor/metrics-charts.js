// @ts-check
/**
 * The metrics page's charts: each drawn with Chart.js (served locally, on window.Chart) on a
 * canvas with role="img" and a spoken summary; beside it a table with the same numbers, for
 * screen readers and for anyone who wants the exact figures.
 */
import { el } from '../page/dom.js';
import { locale, text } from '../page/page-data.js';

/** @typedef {import('../page/types').MetricsSummary} MetricsSummary */
/** @typedef {{ label: string, value: number }} Row */
/** @typedef {{ destroy(): void }} Chart */

const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const OUTCOME_KEYS = /** @type {const} */ (['resolved', 'referred', 'no-response', 'other', 'abandoned', 'none']);
const CHANNEL_KEYS = /** @type {const} */ (['chat', 'web-form', 'phone', 'email']);
const PROVIDER_KEYS = /** @type {const} */ (['digipost', 'e-boks']);
const RATINGS = /** @type {const} */ (['1', '2', '3', '4', '5']);
const BAR_COLOR = '#0062ba';

/** @type {Chart[]} */
let charts = [];

/** @param {number | null | undefined} value */
export const num = (value) => (value === null || value === undefined ? text('metrics.none') : numberFormat.format(value));

/** @param {number | undefined} hour */
const hourLabel = (hour = 0) => `${hour < 10 ? '0' : ''}${hour}:00`;

/**
 * The Chart.js bar chart on `canvas`, when the library loaded.
 * @param {HTMLElement} canvas
 * @param {Row[]} rows
 */
function drawBars(canvas, rows) {
  const ChartJs = /** @type {any} */ (window).Chart;
  if (typeof ChartJs !== 'function') return;
  charts.push(
    new ChartJs(canvas, {
      type: 'bar',
      data: {
        labels: rows.map((row) => row.label),
        datasets: [{ label: text('metrics.col.count'), data: rows.map((row) => row.value), backgroundColor: BAR_COLOR }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
  );
}

/**
 * One chart section: heading, canvas (role="img" + summary) and a table with the same rows.
 * @param {string} id
 * @param {string} title
 * @param {string} columnLabel
 * @param {Row[]} rows
 */
function chartSection(id, title, columnLabel, rows) {
  const summaryText = summarize(rows);
  const headingId = `metrics-${id}-heading`;
  const canvas = el('canvas', { id: `metrics-${id}-chart`, role: 'img', 'aria-label': `${title}. ${summaryText}` }, [summaryText]);
  const table = el('table', { className: 'ds-table metrics-table', 'data-size': 'sm' }, [
    el('caption', { className: 'ds-sr-only' }, [title]),
    el('thead', null, [el('tr', null, [el('th', { scope: 'col' }, [columnLabel]), el('th', { scope: 'col', className: 'num' }, [text('metrics.col.count')])])]),
    el('tbody', null, rows.map((row) => el('tr', null, [el('th', { scope: 'row' }, [row.label]), el('td', { className: 'num' }, [num(row.value)])]))),
  ]);
  const section = el('section', { className: 'metrics-chart', 'aria-labelledby': headingId }, [
    el('h2', { className: 'ds-heading', 'data-size': 'xs', id: headingId }, [title]),
    el('div', { className: 'metrics-chart__body' }, [
      el('div', { className: 'metrics-chart__canvas' }, [canvas]),
      el('div', { className: 'table-wrap metrics-chart__table' }, [table]),
    ]),
  ]);
  return { section, canvas };
}

/**
 * "Total 12. Most: 14 Nov (5)."
 * @param {Row[]} rows
 */
function summarize(rows) {
  const total = rows.reduce((sum, row) => sum + (row.value || 0), 0);
  if (total === 0) return text('metrics.chartEmpty');
  const top = rows.reduce((best, row) => (row.value > best.value ? row : best), rows[0]);
  return text('metrics.chartSummary', { total: num(total), label: top.label, value: num(top.value) });
}

/**
 * Draws every chart of `summary` into `container`, replacing the previous ones.
 * @param {HTMLElement} container
 * @param {MetricsSummary} summary
 */
export function renderCharts(container, summary) {
  for (const chart of charts) chart.destroy();
  charts = [];
  container.textContent = '';
  /** @type {[string, string, string, Row[]][]} */
  const sets = [
    ['per-day', text('metrics.chart.perDay'), text('metrics.col.day'), summary.chats.perDay.map((d) => ({ label: dayFormat.format(new Date(`${d.date}T12:00:00Z`)), value: d.chats }))],
    ['per-hour', text('metrics.chart.perHour'), text('metrics.col.hour'), summary.chats.perHour.map((h) => ({ label: hourLabel(h.hour), value: h.chats }))],
    ['channels', text('metrics.chart.channels'), text('metrics.col.channel'), CHANNEL_KEYS.map((key) => ({ label: text(`channel.${key}`), value: (summary.ticketsByChannel && summary.ticketsByChannel[key]) || 0 }))],
    ['outcomes', text('metrics.chart.outcomes'), text('metrics.col.outcome'), OUTCOME_KEYS.map((key) => ({ label: key === 'none' ? text('metrics.outcomeNone') : text(`outcome.${key}`), value: summary.outcomes[key] || 0 }))],
    ['referrals', text('metrics.chart.referrals'), text('metrics.col.provider'), PROVIDER_KEYS.map((key) => ({ label: text(`metrics.provider.${key}`), value: summary.referrals[key] || 0 }))],
    ['ratings', text('metrics.chart.ratings'), text('metrics.col.rating'), RATINGS.map((key) => ({ label: key, value: summary.ratings.distribution[key] || 0 }))],
  ];
  for (const [id, title, column, rows] of sets) {
    const { section, canvas } = chartSection(id, title, column, rows);
    container.appendChild(section);
    drawBars(canvas, rows);
  }
}
