// @ts-check
/** Message text with its links, and the clientIds of new messages. */
import { el } from './desk.js';

// Web addresses, e-mail addresses and international phone numbers ("+47 22 03 00 00"): a referral
// gives all three, and on a phone the citizen should be able to call or write with one tap.
const LINK_PATTERN = /https?:\/\/[^\s<>"']+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}|\+\d{2}(?: ?\d){8,10}(?!\d)/g;

/** @param {string} link */
function hrefFor(link) {
  if (/^https?:/.test(link)) return link;
  if (link.startsWith('+')) return `tel:${link.replace(/\s+/g, '')}`;
  return `mailto:${link}`;
}

/**
 * Text with web, e-mail and phone links; everything else stays text (no HTML parsing).
 * @param {string | null | undefined} body
 */
export function linkified(body) {
  const fragment = document.createDocumentFragment();
  const source = String(body || '');
  let last = 0;
  for (const match of source.matchAll(LINK_PATTERN)) {
    const link = /^https?:/.test(match[0]) ? match[0].replace(/[.,;:!?)\]]+$/, '') : match[0];
    const offset = /** @type {number} */ (match.index);
    fragment.appendChild(document.createTextNode(source.slice(last, offset)));
    fragment.appendChild(el('a', { className: 'ds-link', href: hrefFor(link), rel: 'noopener noreferrer' }, [link]));
    last = offset + link.length;
  }
  fragment.appendChild(document.createTextNode(source.slice(last)));
  return fragment;
}

/** A version 4 UUID; outside a secure context randomUUID is missing, so it is built by hand there. */
export function uuid() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => (b + 0x100).toString(16).slice(1)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
