// @ts-check
/** Server field errors in the page's own words. */
import { text } from './page-data.js';

/**
 * Each error on a field that has a text key in `fieldTexts` gets that text; the rest keep theirs.
 * @param {import('./types').FieldError[]} errors
 * @param {Record<string, string>} fieldTexts field → text key
 * @param {Record<string, unknown>} [args] for the texts
 */
export function inOurWords(errors, fieldTexts, args) {
  return errors.map((error) => (error.field && fieldTexts[error.field] ? { field: error.field, message: text(fieldTexts[error.field], args) } : error));
}
