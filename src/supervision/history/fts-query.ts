import { validationError } from '../../common/errors';
import { maskNationalIdsInText } from '../../common/national-id-in-text';

export interface SearchTerm {
  text: string;
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

// NUL becomes a space: PostgreSQL text cannot hold it.
const tsOperand = (text: string) => `'${text.replace(/\p{Cc}/gu, ' ').replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

// Each word is a quoted operand, so nothing the user typed is operator syntax; always a parameter.
export function buildTsQuery(terms: SearchTerm[]): string {
  const operands: string[] = [];
  for (const term of terms) {
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
