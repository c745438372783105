import { validationError } from '../../common/errors';
import { maskNationalIdsInText } from '../../common/national-id-in-text';

export interface SearchTerm {
  /** The words of the term (several for a quoted phrase). */
  text: string;
  prefix: boolean;
}

export interface SearchQuery {
  /** An FTS5 query string built only from quoted strings: no user syntax ever reaches FTS5. */
  match: string;
  /** The same terms as input for PostgreSQL's `to_tsquery('simple', …)` (buildTsQuery). */
  tsquery: string;
  terms: SearchTerm[];
}

const MAX_TERMS = 10;
const SEARCHABLE = /[\p{L}\p{N}]/u;
const HAS_LETTER = /\p{L}/u;

/**
 * Turns what a supervisor typed into a safe FTS5 query: every word (or "quoted phrase") becomes
 * a quoted string, all of them required. A single trailing `*` on a word of at least two
 * characters with a letter in it asks for a prefix match. Valid national identity numbers are
 * masked first (`178585*****`), so only the masked form is ever searched, and digits never get a
 * prefix match (no guessing a number digit by digit).
 */
export function buildSearchQuery(raw: string): SearchQuery {
  const text = maskNationalIdsInText(raw.normalize('NFC'));
  const terms: SearchTerm[] = [];
  for (const match of text.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) {
      const cleaned = phrase.replace(/\*/g, ' ').trim().replace(/\s+/g, ' ');
      if (SEARCHABLE.test(cleaned)) terms.push({ text: cleaned, prefix: false });
      continue;
    }
    const prefixStem = /^([^*]{2,})\*$/.exec(word!)?.[1];
    if (prefixStem && HAS_LETTER.test(prefixStem)) {
      terms.push({ text: prefixStem, prefix: true });
      continue;
    }
    const cleaned = word!.replace(/\*/g, ' ').trim();
    if (SEARCHABLE.test(cleaned)) terms.push({ text: cleaned, prefix: false });
  }
  if (terms.length === 0) {
    throw validationError('The search has no words to look for', [{ field: 'q', message: 'give at least one word with letters or digits' }]);
  }
  if (terms.length > MAX_TERMS) {
    throw validationError(`Search for at most ${MAX_TERMS} words at a time`, [{ field: 'q', message: `at most ${MAX_TERMS} words` }]);
  }
  const match = terms.map((t) => `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`).join(' ');
  return { match, tsquery: buildTsQuery(terms), terms };
}

/**
 * A tsquery operand: the text between single quotes, where a quote is doubled and a backslash
 * escaped, so that `&|!():*<>` and the like are only characters of a word. Control characters
 * (NUL above all, which PostgreSQL text cannot hold) become spaces.
 */
const tsOperand = (text: string) => `'${text.replace(/\p{Cc}/gu, ' ').replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The parsed terms as input for `to_tsquery('simple', …)` (PostgreSQL), meaning what the FTS5
 * query means: every term required (`&`), the words of a phrase next to each other (`<->`), a
 * prefix term with `:*`. Each word is a quoted operand, so nothing the user typed is operator
 * syntax; PostgreSQL's parser then splits a word the way it splits the indexed text (`col:x` is
 * `'col' <-> 'x'`). Never interpolated into SQL: it is passed as a parameter. No terms: ''.
 */
export function buildTsQuery(terms: SearchTerm[]): string {
  const operands: string[] = [];
  for (const term of terms) {
    const words = term.text.split(/\s+/).filter((word) => word !== '');
    if (words.length === 0) continue;
    // As in FTS5, a prefix applies to the last word (prefix terms are single words anyway).
    const quoted = words.map((word, i) => `${tsOperand(word)}${term.prefix && i === words.length - 1 ? ':*' : ''}`);
    operands.push(quoted.length === 1 ? quoted[0] : `(${quoted.join(' <-> ')})`);
  }
  return operands.join(' & ');
}

const OPEN = '\uE000';
const CLOSE = '\uE001';
export const SNIPPET_MARKERS = { open: OPEN, close: CLOSE };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A snippet as safe HTML: the text is escaped first, then the matched words are wrapped in
 * `<mark>…</mark>`. Identity numbers are masked once more, whatever the index holds.
 */
export function snippetToHtml(marked: string): string {
  const masked = maskNationalIdsInText(marked);
  return escapeHtml(masked)
    .replace(new RegExp(`${OPEN}([^${OPEN}${CLOSE}]*)${CLOSE}`, 'g'), '<mark>$1</mark>')
    .replace(new RegExp(`[${OPEN}${CLOSE}]`, 'g'), '');
}

/** The same snippet as plain text (the export). */
export function snippetToText(marked: string): string {
  return maskNationalIdsInText(marked).replace(new RegExp(`[${OPEN}${CLOSE}]`, 'g'), '');
}
