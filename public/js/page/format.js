// @ts-check
/** Times, dates and durations in the page language, in Norwegian time whatever the browser's zone. */
import { locale, text } from './page-data.js';

const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Oslo' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });

/**
 * "14:05"; '' for a bad date.
 * @param {string} iso
 */
export function formatTime(iso) {
  const date = new Date(iso);
  return isNaN(date.getTime()) ? '' : timeFormat.format(date);
}

/**
 * "3. mars 2026 kl. 10:15"; '' for a missing or bad date.
 * @param {string | null | undefined} iso
 */
export function formatDateTime(iso) {
  const date = iso ? new Date(iso) : null;
  return date && !isNaN(date.getTime()) ? dateTimeFormat.format(date) : '';
}

/** @param {number} n */
const pad = (n) => (n < 10 ? '0' : '') + n;

/**
 * "45 s", "4 min 05 s", "1 h 04 min" with the texts under `prefix` (…duration.hours|minutes|seconds).
 * @param {number} seconds
 * @param {string} prefix e.g. 'board' or 'metrics'
 */
export function formatDuration(seconds, prefix) {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return text(`${prefix}.duration.hours`, { h, m: pad(m) });
  if (m > 0) return text(`${prefix}.duration.minutes`, { m, s: pad(s) });
  return text(`${prefix}.duration.seconds`, { s });
}

/**
 * A date field (yyyy-mm-dd) as the start of that day (plus `plusDays`) in the browser's zone, ISO 8601; '' if not a date.
 * @param {string} value
 * @param {number} [plusDays]
 */
export function dayStart(value, plusDays = 0) {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
  if (!parts) return '';
  const date = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]) + plusDays);
  return isNaN(date.getTime()) ? '' : date.toISOString();
}
