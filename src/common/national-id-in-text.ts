import { isValidNationalId, maskNationalId } from './national-id';

/**
 * National identity numbers written in free text, however they are written: split by spaces of
 * any width, `/ : , . -`, dashes or invisible characters, in any Unicode digit form. Pure
 * functions; the masking runs on every stored chat message (also in the writer thread), so text
 * with fewer than 11 digits costs one regular-expression test and no allocation.
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

type Found = { start: number; end: number; digits: string };

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/**
 * The digits of the current group and where its chunks start and end, in arrays reused from text
 * to text (each thread has its own module; nothing here is re-entered), so that a long message of
 * many short digit runs costs no allocation per digit or chunk.
 */
const groupDigits: number[] = [];
const chunkFirstDigit: number[] = [];
const chunkStart: number[] = [];
const chunkEnd: number[] = [];
/** Beyond this many digits the arrays are let go after the text (a chat message holds at most 4,000 characters). */
const LONGEST_KEPT = 4096;

/** The check digits hold (either k1 rule): rules out ten in eleven windows before any string is built. */
function checkDigitsHold(from: number): boolean {
  let k1 = 0;
  let k2 = 0;
  for (let i = 0; i < 9; i++) {
    k1 += K1_WEIGHTS[i] * groupDigits[from + i];
    k2 += K2_WEIGHTS[i] * groupDigits[from + i];
  }
  k1 = (k1 + groupDigits[from + 9]) % 11;
  k2 = (k2 + K2_WEIGHTS[9] * groupDigits[from + 9] + groupDigits[from + 10]) % 11;
  return k2 === 0 && k1 <= 3;
}

/** Runs of whole chunks with exactly 11 digits that are valid numbers (other than `keep`). */
function validNumbersInGroup(chunks: number, digitCount: number, keep: string | undefined, found: Found[]): void {
  const endDigitOf = (chunk: number) => (chunk + 1 < chunks ? chunkFirstDigit[chunk + 1] : digitCount);
  for (let first = 0, last = 0; first < chunks; first++) {
    const from = chunkFirstDigit[first];
    const to = from + ID_LENGTH;
    if (to > digitCount) return;
    if (last < first) last = first;
    while (endDigitOf(last) < to) last++;
    if (endDigitOf(last) !== to || !checkDigitsHold(from)) continue;
    const digits = groupDigits.slice(from, to).join('');
    if (digits !== keep && isValidNationalId(digits)) found.push({ start: chunkStart[first], end: chunkEnd[last], digits });
  }
}

/** Every valid number in the text, in order of their first digit (they may overlap). */
function scan(text: string, keep: string | undefined): Found[] {
  const found: Found[] = [];
  let digitCount = 0;
  let chunks = 0;
  let inChunk = false;
  const endGroup = () => {
    if (digitCount >= ID_LENGTH) validNumbersInGroup(chunks, digitCount, keep, found);
    digitCount = 0;
    chunks = 0;
    inChunk = false;
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const digit = digitAt(text, i, cp);
    if (digit >= 0) {
      if (!inChunk) {
        chunkFirstDigit[chunks] = digitCount;
        chunkStart[chunks] = i;
        chunks++;
        inChunk = true;
      }
      groupDigits[digitCount++] = digit;
      chunkEnd[chunks - 1] = i + width;
    } else if (chunks > 0 && isSeparatorAt(text, i)) {
      inChunk = false;
    } else if (chunks > 0) {
      endGroup();
    }
    i += width;
  }
  endGroup();
  if (groupDigits.length > LONGEST_KEPT) groupDigits.length = chunkFirstDigit.length = chunkStart.length = chunkEnd.length = 0;
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
