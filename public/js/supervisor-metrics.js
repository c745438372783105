/*
 * The supervisor's figures for a period (GET /api/metrics/summary). Each chart is drawn with
 * Chart.js (served locally) on a canvas with role="img" and a spoken summary; beside it a table
 * with the same numbers, for screen readers and for anyone who wants the exact figures.
 */
(function () {
  'use strict';

  var D = window.Desk;
  var text = D.text;
  var el = D.el;
  var data = D.data;
  var locale = D.locale;
  var numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  var dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  var OUTCOME_KEYS = ['resolved', 'referred', 'no-response', 'other', 'abandoned', 'none'];
  var CHANNEL_KEYS = ['chat', 'web-form', 'phone', 'email'];
  var PROVIDER_KEYS = ['digipost', 'e-boks'];
  var BAR_COLOR = '#0062ba';

  function $(id) {
    return document.getElementById(id);
  }

  var ui = {
    form: $('metrics-form'),
    submit: $('metrics-submit'),
    from: $('metrics-from'),
    to: $('metrics-to'),
    notices: $('metrics-notices'),
    status: $('metrics-status'),
    figures: $('metrics-figures'),
    charts: $('metrics-charts'),
  };

  var charts = [];

  function num(value) {
    return value === null || value === undefined ? text('metrics.none') : numberFormat.format(value);
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return text('metrics.none');
    var total = Math.round(seconds);
    var h = Math.floor(total / 3600);
    var m = Math.floor((total % 3600) / 60);
    var s = total % 60;
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    if (h > 0) return text('metrics.duration.hours', { h: h, m: pad(m) });
    if (m > 0) return text('metrics.duration.minutes', { m: m, s: pad(s) });
    return text('metrics.duration.seconds', { s: s });
  }

  function dayStart(value, plusDays) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
    if (!parts) return '';
    var date = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]) + (plusDays || 0));
    return isNaN(date.getTime()) ? '' : date.toISOString();
  }

  function figure(label, value) {
    return el('div', { className: 'ds-card board-stat' }, [el('dt', null, [label]), el('dd', null, [value])]);
  }

  function renderFigures(summary) {
    ui.figures.textContent = '';
    [
      figure(text('metrics.fig.chats'), num(summary.chats.total)),
      figure(text('metrics.fig.answered'), num(summary.chats.answered)),
      figure(text('metrics.fig.unanswered'), num(summary.chats.unanswered)),
      figure(text('metrics.fig.waitMedian'), duration(summary.waitSeconds.median)),
      figure(text('metrics.fig.waitP90'), duration(summary.waitSeconds.p90)),
      figure(text('metrics.fig.handlingMedian'), duration(summary.handlingSeconds.median)),
      figure(text('metrics.fig.handlingP90'), duration(summary.handlingSeconds.p90)),
      figure(text('metrics.fig.offline'), num(summary.offlineTickets)),
      figure(text('metrics.fig.ratingAverage'), num(summary.ratings.average)),
    ].forEach(function (node) { ui.figures.appendChild(node); });
  }

  /** One chart section: heading, canvas (role="img" + summary) and a table with the same rows. */
  function chartSection(id, title, columnLabel, rows, summaryText) {
    var headingId = 'metrics-' + id + '-heading';
    var canvas = el('canvas', { id: 'metrics-' + id + '-chart', role: 'img', 'aria-label': title + '. ' + summaryText });
    canvas.appendChild(document.createTextNode(summaryText));
    var table = el('table', { className: 'ds-table metrics-table', 'data-size': 'sm' }, [
      el('caption', { className: 'ds-sr-only' }, [title]),
      el('thead', null, [el('tr', null, [el('th', { scope: 'col' }, [columnLabel]), el('th', { scope: 'col', className: 'num' }, [text('metrics.col.count')])])]),
      el('tbody', null, rows.map(function (row) {
        return el('tr', null, [el('th', { scope: 'row' }, [row.label]), el('td', { className: 'num' }, [num(row.value)])]);
      })),
    ]);
    var section = el('section', { className: 'metrics-chart', 'aria-labelledby': headingId }, [
      el('h2', { className: 'ds-heading', 'data-size': 'xs', id: headingId }, [title]),
      el('div', { className: 'metrics-chart__body' }, [
        el('div', { className: 'metrics-chart__canvas' }, [canvas]),
        el('div', { className: 'table-wrap metrics-chart__table' }, [table]),
      ]),
    ]);
    ui.charts.appendChild(section);
    if (typeof window.Chart === 'function') {
      charts.push(new window.Chart(canvas, {
        type: 'bar',
        data: {
          labels: rows.map(function (row) { return row.label; }),
          datasets: [{ label: text('metrics.col.count'), data: rows.map(function (row) { return row.value; }), backgroundColor: BAR_COLOR }],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      }));
    }
  }

  /** "Total 12. Most: 14 Nov (5)." */
  function summarize(rows) {
    var total = rows.reduce(function (sum, row) { return sum + (row.value || 0); }, 0);
    if (total === 0) return text('metrics.chartEmpty');
    var top = rows.reduce(function (best, row) { return row.value > best.value ? row : best; }, rows[0]);
    return text('metrics.chartSummary', { total: num(total), label: top.label, value: num(top.value) });
  }

  function renderCharts(summary) {
    charts.forEach(function (chart) { chart.destroy(); });
    charts = [];
    ui.charts.textContent = '';
    var sets = [
      ['per-day', text('metrics.chart.perDay'), text('metrics.col.day'), summary.chats.perDay.map(function (d) {
        return { label: dayFormat.format(new Date(d.date + 'T12:00:00Z')), value: d.chats };
      })],
      ['per-hour', text('metrics.chart.perHour'), text('metrics.col.hour'), summary.chats.perHour.map(function (h) {
        return { label: (h.hour < 10 ? '0' : '') + h.hour + ':00', value: h.chats };
      })],
      ['channels', text('metrics.chart.channels'), text('metrics.col.channel'), CHANNEL_KEYS.map(function (key) {
        return { label: text('channel.' + key), value: (summary.ticketsByChannel && summary.ticketsByChannel[key]) || 0 };
      })],
      ['outcomes', text('metrics.chart.outcomes'), text('metrics.col.outcome'), OUTCOME_KEYS.map(function (key) {
        return { label: key === 'none' ? text('metrics.outcomeNone') : text('outcome.' + key), value: summary.outcomes[key] || 0 };
      })],
      ['referrals', text('metrics.chart.referrals'), text('metrics.col.provider'), PROVIDER_KEYS.map(function (key) {
        return { label: text('metrics.provider.' + key), value: summary.referrals[key] || 0 };
      })],
      ['ratings', text('metrics.chart.ratings'), text('metrics.col.rating'), ['1', '2', '3', '4', '5'].map(function (key) {
        return { label: key, value: summary.ratings.distribution[key] || 0 };
      })],
    ];
    sets.forEach(function (set) { chartSection(set[0], set[1], set[2], set[3], summarize(set[3])); });
  }

  function load() {
    var from = dayStart(ui.from.value, 0);
    var to = dayStart(ui.to.value, 1);
    var errors = [];
    if (!from) errors.push({ field: 'from', message: text('metrics.error.date') });
    if (!to) errors.push({ field: 'to', message: text('metrics.error.date') });
    if (from && to && from >= to) errors.push({ field: 'to', message: text('metrics.error.order') });
    if (errors.length > 0) {
      D.reportErrors(ui.form, null, errors);
      return;
    }
    D.clearFieldErrors(ui.form);
    D.setBusy(ui.submit, true);
    ui.notices.textContent = '';
    ui.status.textContent = text('metrics.loading');
    var query = new URLSearchParams({ from: from, to: to }).toString();
    D.request('GET', '/api/metrics/summary?' + query).then(function (result) {
      D.setBusy(ui.submit, false);
      if (!result.ok || !result.body || !result.body.chats) {
        D.notify(ui.notices, D.errorsFrom(result.body && result.body.error).map(function (e) { return e.message; }).join(' '), 'danger');
        ui.status.textContent = text('metrics.failed');
        return;
      }
      renderFigures(result.body);
      renderCharts(result.body);
      ui.status.textContent = text('metrics.loaded', { from: ui.from.value, to: ui.to.value, count: num(result.body.chats.total) });
    });
  }

  ui.form.addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });

  load();
})();
