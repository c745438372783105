// @ts-check
/** The page data the server embeds (#page-data) and the texts in the page language it carries. */

/** @typedef {import('./types').PageData} PageData */

/** @returns {PageData} */
function readPageData() {
  const block = document.getElementById('page-data');
  if (!block) return {};
  try {
    return JSON.parse(block.textContent || '{}');
  } catch {
    return {};
  }
}

export const data = readPageData();
/** @type {Record<string, string>} */
const texts = data.texts || {};

/** The page languages as Intl locales. */
export const LOCALES = /** @type {const} */ ({ nb: 'nb', nn: 'nn', en: 'en-GB' });
/** The page language as an Intl locale (nb, nn, en-GB). */
export const locale = LOCALES[/** @type {keyof typeof LOCALES} */ (data.lang)] || 'nb';

/**
 * @param {string} template
 * @param {Record<string, unknown>} args
 */
function interpolate(template, args) {
  return String(template).replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name) =>
    args[name] !== undefined && args[name] !== null ? String(args[name]) : whole,
  );
}

/** @param {string} key */
export function hasText(key) {
  return Object.prototype.hasOwnProperty.call(texts, key);
}

/**
 * The text for `key` in the page language (embedded by the server in the page data).
 * @param {string} key
 * @param {Record<string, unknown>} [args]
 */
export function text(key, args) {
  return interpolate(hasText(key) ? texts[key] : key, args || {});
}
