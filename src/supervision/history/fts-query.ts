import { validationError } from '../../common/errors';
import { maskNationalIdsInText } from '../../common/national-id-in-text';

export interface SearchTerm {
  text: string;
  // The last word is a word beginning: typed with *, or a whole word taken as its stem (inflections).
  prefix: boolean;
}

export interface SearchQuery {
  // Only quoted strings: no user syntax ever reaches FTS5.
  match: string;
  tsquery: string;
  terms: SearchTerm[];
}

const MAX_TERMS = 10;
const SEARCHABLE = /[\p{L}\p{N}]/u;
const HAS_LETTER = /\p{L}/u;
const ONLY_LETTERS = /^\p{L}+$/u;

// Bokmål and nynorsk endings of nouns, verbs and adjectives, longest first: postkasse, postkassen,
// postkassa, postkasser, postkassene all share `postkass`. A shorter stem would match too much.
const ENDINGS = ['ene', 'ane', 'en', 'et', 'er', 'ar', 'a', 'e'];
const MIN_STEM = 4;

/** A whole word of letters is looked for by its stem as a word beginning, so that inflections and compounds that start with it match. */
export function wordStem(word: string): string | null {
  const lower = word.toLowerCase();
  if (!ONLY_LETTERS.test(lower) || lower.length < MIN_STEM) return null;
  // Only the longest ending: `bilene` minus `e` would be `bilen`, a stem that misses `biler`.
  const ending = ENDINGS.find((end) => lower.endsWith(end));
  return ending && lower.length - ending.length >= MIN_STEM ? lower.slice(0, -ending.length) : lower;
}

// Digits never get a prefix match: no guessing a national identity number digit by digit.
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
    const stem = wordStem(cleaned);
    if (stem) terms.push({ text: stem, prefix: true });
    else if (SEARCHABLE.test(cleaned)) terms.push({ text: cleaned, prefix: false });
  }
  if (terms.length === 0) {
    throw validationError('The search has no words to look for', [{ field: 'q', message: 'give at least one word with letters or digits' }]);
  }
  if (terms.length > MAX_TERMS) {
    throw validationError(`Search for at most ${MAX_TERMS} words at a time`, [{ field: 'q', message: `at most ${MAX_TERMS} words` }]);
  }
  return { match: buildFtsMatch(terms), tsquery: buildTsQuery(terms), terms };
}

const ftsString = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * FTS5 merges every term of a prefix into one list before it can return the newest match (a second at a
 * million messages), but streams an OR of whole terms; so a prefix comes with the index's own terms that
 * start with it when the store found few enough (`expansions`, by term position).
 */
export function buildFtsMatch(terms: SearchTerm[], expansions: ReadonlyMap<number, readonly string[]> = new Map()): string {
  return terms
    .map((term, i) => {
      const whole = expansions.get(i);
      if (term.prefix && whole && whole.length > 0) return whole.length === 1 ? ftsString(whole[0]!) : `(${whole.map(ftsString).join(' OR ')})`;
      return `${ftsString(term.text)}${term.prefix ? '*' : ''}`;
    })
    .join(' AND '); // FTS5 takes no implicit AND next to a parenthesis
}

// A prefix the stores can expand is one token of the index (FTS5's unicode61, PostgreSQL's parser): letters and digits.
export const isOneToken = (text: string) => /^[\p{L}\p{N}]+$/u.test(text);

/** The prefix as the index stores its terms (unicode61, remove_diacritics 2: lower case, no accents; ø and æ stay), or null if it is more than one token. */
export function indexedPrefix(term: SearchTerm): string | null {
  if (!term.prefix || !isOneToken(term.text)) return null;
  return term.text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

// NUL becomes a space: PostgreSQL text cannot hold it.
const tsOperand = (text: string) => `'${text.replace(/\p{Cc}/gu, ' ').replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

// Each word is a quoted operand, so nothing the user typed is operator syntax; always a parameter.
// A prefix with `expansions` (by term position) becomes the OR of those whole terms, as in buildFtsMatch.
export function buildTsQuery(terms: SearchTerm[], expansions: ReadonlyMap<number, readonly string[]> = new Map()): string {
  const operands: string[] = [];
  for (const [i, term] of terms.entries()) {
    const whole = expansions.get(i);
    if (term.prefix && whole && whole.length > 0) {
      operands.push(whole.length === 1 ? tsOperand(whole[0]!) : `(${whole.map(tsOperand).join(' | ')})`);
      continue;
    }
    const words = term.text.split(/\s+/).filter((word) => word !== '');
    if (words.length === 0) continue;
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

// Identity numbers are masked once more, whatever the index holds.
export function snippetToHtml(marked: string): string {
  const masked = maskNationalIdsInText(marked);
  return escapeHtml(masked)
    .replace(new RegExp(`${OPEN}([^${OPEN}${CLOSE}]*)${CLOSE}`, 'g'), '<mark>$1</mark>')
    .replace(new RegExp(`[${OPEN}${CLOSE}]`, 'g'), '');
}

export function snippetToText(marked: string): string {
  return maskNationalIdsInText(marked).replace(new RegExp(`[${OPEN}${CLOSE}]`, 'g'), '');
}
