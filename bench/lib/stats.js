'use strict';

/** Nearest-rank percentile of an ascending array (p in 0..100). */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** count, mean, p50, p90, p99, p99.9 and max of a list of numbers. */
function summarize(values) {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

function fmtMs(value) {
  if (!Number.isFinite(value)) return '-';
  return value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2);
}

function fmtInt(value) {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-';
}

function fmtRatio(value) {
  return Number.isFinite(value) ? value.toFixed(2) : '-';
}

/** A share (0..1) as whole per cent. */
function fmtPercent(share) {
  return Number.isFinite(share) ? `${(share * 100).toFixed(0)} %` : '-';
}

function fmtMiB(kilobytes) {
  return Number.isFinite(kilobytes) ? (kilobytes / 1024).toFixed(1) : '-';
}

/** Renders rows (arrays of cells) as an aligned plain-text table; the first row is the header. */
function table(rows) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col]).length)));
  return rows
    .map((row, index) => {
      const line = row.map((cell, col) => (col === 0 ? String(cell).padEnd(widths[col]) : String(cell).padStart(widths[col]))).join('  ');
      return index === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

module.exports = { percentile, summarize, fmtMs, fmtInt, fmtRatio, fmtPercent, fmtMiB, table };
