// Rules: docs/domain.md §3.

export type NationalIdKind = 'birth-number' | 'd-number' | 'h-number';
export type CheckDigitRule = 'classic' | '2032';

export interface NationalIdDetails {
  kind: NationalIdKind;
  synthetic: boolean;
  checkDigitRule: CheckDigitRule;
}

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
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
    // The century cannot be derived reliably, so 29 February is accepted when it exists in 19yy or 20yy.
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
    // A synthetic H-number would need month + 120, which two digits cannot hold.
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

export function parseNationalId(value: string): NationalIdDetails | null {
  if (typeof value !== 'string' || !ELEVEN_DIGITS.test(value)) return null;
  const digits = Array.from(value, Number);
  const date = decodeDate(digits);
  if (!date) return null;
  const rule = checkDigitRule(digits);
  if (!rule) return null;
  return { ...date, checkDigitRule: rule };
}

export function isValidNationalId(value: string): boolean {
  return parseNationalId(value) !== null;
}

export function normalizeNationalId(value: string): string {
  return value.replace(/\s+/g, '');
}

export function maskNationalId(value: string): string {
  return `${value.replace(/\D/g, '').slice(0, 6)}*****`;
}
