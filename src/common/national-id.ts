/**
 * Norwegian national identity numbers (fødselsnummer and its variants): validation and masking.
 * Rules: docs/domain.md §3. Pure functions, no I/O.
 */

export type NationalIdKind = 'birth-number' | 'd-number' | 'h-number';
export type CheckDigitRule = 'classic' | '2032';

export interface NationalIdDetails {
  kind: NationalIdKind;
  /** Test-environment number: month + 80. */
  synthetic: boolean;
  /** `classic` when k1 follows the pre-2032 rule, `2032` when only the new k1 rule accepts it. */
  checkDigitRule: CheckDigitRule;
}

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
/** 2032 rule: (weighted sum of digits 1–9 + k1) mod 11 may also be 1, 2 or 3 (classic is 0). */
const NEW_K1_REMAINDERS = new Set([1, 2, 3]);

const D_NUMBER_DAY_OFFSET = 40;
const H_NUMBER_MONTH_OFFSET = 40;
const SYNTHETIC_MONTH_OFFSET = 80;

const ELEVEN_DIGITS = /^\d{11}$/;

function weightedSum(digits: number[], weights: number[]): number {
  return weights.reduce((sum, weight, i) => sum + weight * digits[i], 0);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(month: number, yy: number): number {
  if (month === 2) {
    // The century cannot be derived reliably (individual-number ranges overlap, synthetic and
    // D-numbers blur them), so 29 February is accepted when it exists in 19yy or 20yy.
    return isLeapYear(1900 + yy) || isLeapYear(2000 + yy) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function decodeDate(digits: number[]): Pick<NationalIdDetails, 'kind' | 'synthetic'> | null {
  let day = digits[0] * 10 + digits[1];
  let month = digits[2] * 10 + digits[3];
  const yy = digits[4] * 10 + digits[5];

  let dNumber = false;
  if (day > D_NUMBER_DAY_OFFSET) {
    day -= D_NUMBER_DAY_OFFSET;
    dNumber = true;
  }

  let synthetic = false;
  let hNumber = false;
  if (month > SYNTHETIC_MONTH_OFFSET) {
    month -= SYNTHETIC_MONTH_OFFSET;
    synthetic = true;
  } else if (month > H_NUMBER_MONTH_OFFSET) {
    // A synthetic H-number would need month + 120, which two digits cannot hold: not a thing.
    month -= H_NUMBER_MONTH_OFFSET;
    hNumber = true;
  }
  if (dNumber && hNumber) return null;

  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(month, yy)) return null;

  const kind: NationalIdKind = dNumber ? 'd-number' : hNumber ? 'h-number' : 'birth-number';
  return { kind, synthetic };
}

function checkDigitRule(digits: number[]): CheckDigitRule | null {
  const k1Remainder = (weightedSum(digits, K1_WEIGHTS) + digits[9]) % 11;
  const k2Remainder = (weightedSum(digits, K2_WEIGHTS) + digits[10]) % 11;
  if (k2Remainder !== 0) return null;
  if (k1Remainder === 0) return 'classic';
  return NEW_K1_REMAINDERS.has(k1Remainder) ? '2032' : null;
}

/** What kind of number `value` is, or null when it is not a valid national identity number. */
export function parseNationalId(value: string): NationalIdDetails | null {
  if (typeof value !== 'string' || !ELEVEN_DIGITS.test(value)) return null;
  const digits = Array.from(value, Number);
  const date = decodeDate(digits);
  if (!date) return null;
  const rule = checkDigitRule(digits);
  if (!rule) return null;
  return { ...date, checkDigitRule: rule };
}

/**
 * Exactly 11 digits (no separators; see `normalizeNationalId`), a real date after removing the
 * D/H/synthetic offsets, and check digits valid under the classic or the 2032 rule.
 */
export function isValidNationalId(value: string): boolean {
  return parseNationalId(value) !== null;
}

/** Removes whitespace, e.g. `178585 00060` → `17858500060`. */
export function normalizeNationalId(value: string): string {
  return value.replace(/\s+/g, '');
}

/** First six digits (the date part) and five stars: `17858500060` → `178585*****`. */
export function maskNationalId(value: string): string {
  return `${value.replace(/\D/g, '').slice(0, 6)}*****`;
}
