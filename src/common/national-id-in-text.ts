import { isValidNationalId, maskNationalId } from './national-id';

/**
 * Runs on every stored chat message, so text with fewer than 11 digits costs one regex test and no allocation.
 * A valid number inside a longer unbroken digit run (account number, KID) is left alone: masking
 * 11-digit windows of every long run would mangle references.
 */

export interface FoundNationalId {
  digits: string;
  match: string;
  index: number;
}

const ID_LENGTH = 11;

const SEPARATOR_AT = /[\s\p{Cf}/:,.\-\u2010-\u2015\u2212\uFE50\uFE52\uFE55\uFE58\uFE63\uFF0C\uFF0D\uFF0E\uFF0F\uFF1A]/uy;
const DIGIT_AT = /\p{Nd}/uy;
const FIRST_NON_ASCII_DIGIT = 0x0660;

const matchesAt = (pattern: RegExp, text: string, index: number): boolean => {
  pattern.lastIndex = index;
  return pattern.test(text);
};

const ONE_DIGIT = /^\p{Nd}$/u;
const isDigitCodePoint = (cp: number) => cp >= 0 && ONE_DIGIT.test(String.fromCodePoint(cp));

const nonAsciiDigitValues = new Map<number, number>();

// Unicode encodes each set of decimal digits as ten consecutive code points, a run starting with zero.
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

function digitAt(text: string, index: number, cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp < FIRST_NON_ASCII_DIGIT || !matchesAt(DIGIT_AT, text, index)) return -1;
  return nonAsciiDigitValue(cp);
}

const isSeparatorAt = (text: string, index: number) => matchesAt(SEPARATOR_AT, text, index);

const ELEVEN_ASCII_DIGITS = /(?:[0-9][^0-9]*){11}/;
const MAY_HOLD_OTHER_DIGITS = /[^\u0000-\u065f]/;

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

// Reused from text to text (each thread has its own module, nothing is re-entered): no allocation per digit.
const groupDigits: number[] = [];
const chunkFirstDigit: number[] = [];
const chunkStart: number[] = [];
const chunkEnd: number[] = [];
// A chat message holds at most 4,000 characters.
const LONGEST_KEPT = 4096;

// Rules out ten in eleven windows before any string is built.
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

export function findNationalIds(text: string): FoundNationalId[] {
  if (!hasElevenDigits(text)) return [];
  return scan(text, undefined).map(({ start, end, digits }) => ({ digits, match: text.slice(start, end), index: start }));
}

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
