import { isValidNationalId, maskNationalId } from './national-id';

/**
 * National identity numbers written in free text, however they are written: split by spaces of
 * any width, `/ : , . -`, dashes or invisible characters, in any Unicode digit form. Pure
 * functions; the masking runs on every stored chat message (also in the writer thread), so text
 * with fewer than 11 digits costs one loop over its characters and no allocation.
 *
 * The rule: a *group* is digits joined by separators only; its *chunks* are the unbroken digit
 * runs. Any run of whole chunks holding exactly 11 digits that is a valid number (date and check
 * digits) is masked. A valid number hidden inside a longer unbroken digit run (an account number,
 * a KID or order reference) is left alone: nobody writes their own number that way by accident,
 * and masking 11-digit windows of every long run would mangle references.
 */

export interface FoundNationalId {
  /** The 11 digits, as ASCII digits without any separator. */
  digits: string;
  /** The text as written, e.g. `178585 00060`. */
  match: string;
  index: number;
}

const ID_LENGTH = 11;

/** Whitespace (incl. no-break and thin spaces), invisible format characters (zero-width, BOM, soft hyphen), grouping punctuation and dashes, also full-width. */
const SEPARATOR_AT = /[\s\p{Cf}/:,.\-\u2010-\u2015\u2212\uFE50\uFE52\uFE55\uFE58\uFE63\uFF0C\uFF0D\uFF0E\uFF0F\uFF1A]/uy;
const DIGIT_AT = /\p{Nd}/uy;
/** The first non-ASCII decimal digit (ARABIC-INDIC DIGIT ZERO): below it only 0–9 are digits. */
const FIRST_NON_ASCII_DIGIT = 0x0660;

const matchesAt = (pattern: RegExp, text: string, index: number): boolean => {
  pattern.lastIndex = index;
  return pattern.test(text);
};

const ONE_DIGIT = /^\p{Nd}$/u;
const isDigitCodePoint = (cp: number) => cp >= 0 && ONE_DIGIT.test(String.fromCodePoint(cp));

const nonAsciiDigitValues = new Map<number, number>();

/**
 * The value of a non-ASCII decimal digit. Unicode encodes each set of decimal digits as ten
 * consecutive code points 0 to 9, and a maximal run of them starts with a zero.
 */
function nonAsciiDigitValue(cp: number): number {
  let value = nonAsciiDigitValues.get(cp);
  if (value === undefined) {
    let zero = cp;
    while (isDigitCodePoint(zero - 1)) zero--;
    value = (cp - zero) % 10;
    nonAsciiDigitValues.set(cp, value);
  }
  return value;
}

/** The digit's value at `index` (a code point start), or -1. */
function digitAt(text: string, index: number, cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp < FIRST_NON_ASCII_DIGIT || !matchesAt(DIGIT_AT, text, index)) return -1;
  return nonAsciiDigitValue(cp);
}

const isSeparatorAt = (text: string, index: number) => matchesAt(SEPARATOR_AT, text, index);

const ELEVEN_ASCII_DIGITS = /(?:[0-9][^0-9]*){11}/;
const MAY_HOLD_OTHER_DIGITS = /[^\u0000-\u065f]/;

/** The quick pre-check: at least 11 digit characters (a regular expression for ASCII digits, a loop only when there may be others). */
function hasElevenDigits(text: string): boolean {
  if (ELEVEN_ASCII_DIGITS.test(text)) return true;
  if (!MAY_HOLD_OTHER_DIGITS.test(text)) return false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = (c >= 0x30 && c <= 0x39) || (c >= FIRST_NON_ASCII_DIGIT && matchesAt(DIGIT_AT, text, i));
    if (digit && ++count >= ID_LENGTH) return true;
  }
  return false;
}

interface Chunk {
  start: number;
  end: number;
  digits: string;
}

type Found = { start: number; end: number; digits: string };

/** Runs of whole chunks with exactly 11 digits that are valid numbers (other than `keep`). */
function validNumbersIn(group: Chunk[], keep: string | undefined, found: Found[]): void {
  for (let first = 0; first < group.length; first++) {
    let digits = '';
    for (let last = first; last < group.length && digits.length < ID_LENGTH; last++) {
      digits += group[last].digits;
      if (digits.length === ID_LENGTH && digits !== keep && isValidNationalId(digits)) {
        found.push({ start: group[first].start, end: group[last].end, digits });
      }
    }
  }
}

/** Every valid number in the text, in order of their first digit (they may overlap). */
function scan(text: string, keep: string | undefined): Found[] {
  const found: Found[] = [];
  const group: Chunk[] = [];
  let groupDigits = 0;
  let chunk: Chunk | null = null;
  const endGroup = () => {
    if (groupDigits >= ID_LENGTH) validNumbersIn(group, keep, found);
    group.length = 0;
    groupDigits = 0;
    chunk = null;
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const digit = digitAt(text, i, cp);
    if (digit >= 0) {
      if (!chunk) {
        chunk = { start: i, end: i, digits: '' };
        group.push(chunk);
      }
      chunk.digits += digit;
      chunk.end = i + width;
      groupDigits++;
    } else if (group.length > 0 && isSeparatorAt(text, i)) {
      chunk = null;
    } else if (group.length > 0) {
      endGroup();
    }
    i += width;
  }
  endGroup();
  return found;
}

/** Valid national identity numbers written in free text, in order of appearance. */
export function findNationalIds(text: string): FoundNationalId[] {
  if (!hasElevenDigits(text)) return [];
  return scan(text, undefined).map(({ start, end, digits }) => ({ digits, match: text.slice(start, end), index: start }));
}

/**
 * Masks every valid national identity number in `text` as its date part and five stars
 * (`178585*****`, ASCII digits), however it is written. Invalid 11-digit runs (order numbers),
 * phone numbers and longer unbroken digit runs are left alone, and so is `except`: the identity
 * the citizen proved by logging in (compared by digits only). Overlapping finds are masked as one.
 */
export function maskNationalIdsInText(text: string, except?: string): string {
  if (!hasElevenDigits(text)) return text;
  const found = scan(text, except ? except.replace(/\D/g, '') : undefined);
  if (found.length === 0) return text;
  let masked = '';
  let done = 0;
  for (const { start, end, digits } of found) {
    if (end <= done) continue;
    masked += start >= done ? text.slice(done, start) + maskNationalId(digits) : '';
    done = end;
  }
  return masked + text.slice(done);
}
