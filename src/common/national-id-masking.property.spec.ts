import { maskNationalIdsInText } from './national-id-in-text';
import { seededRandom as seeded } from '../../test/support/seeded-random';

// A seeded generator keeps every run the same.

const RUNS = 3000;

// Written independently of the code under test.
const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const weighted = (digits: string, weights: number[]) => weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0);
const mod11 = (n: number) => ((n % 11) + 11) % 11;

function checkDigitsValid(d: string): boolean {
  const k1 = mod11(weighted(d, K1_WEIGHTS) + Number(d[9]));
  return mod11(weighted(d, K2_WEIGHTS) + Number(d[10])) === 0 && k1 <= 3;
}

function dateValid(d: string): boolean {
  let day = Number(d.slice(0, 2));
  let month = Number(d.slice(2, 4));
  const dNumber = day > 40;
  if (dNumber) day -= 40;
  const hNumber = month > 40 && month <= 80;
  if (month > 80) month -= 80;
  else if (hNumber) month -= 40;
  if (dNumber && hNumber) return false;
  const yy = Number(d.slice(4, 6));
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = month === 2 ? (leap(1900 + yy) || leap(2000 + yy) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

const isValidByTest = (d: string) => /^\d{11}$/.test(d) && dateValid(d) && checkDigitsValid(d);

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const int = (random: () => number, from: number, to: number) => from + Math.floor(random() * (to - from + 1));
const two = (n: number) => String(n).padStart(2, '0');

function validNumber(random: () => number): string {
  for (;;) {
    let day = int(random, 1, 28);
    let month = int(random, 1, 12);
    const variant = random();
    if (variant < 0.15) day += 40;
    else if (variant < 0.3) month += 40;
    else if (variant < 0.5) month += 80;
    const first9 = `${two(day)}${two(month)}${two(int(random, 0, 99))}${String(int(random, 0, 999)).padStart(3, '0')}`;
    const k1 = mod11(pick(random, [0, 0, 0, 1, 2, 3]) - weighted(first9, K1_WEIGHTS));
    if (k1 === 10) continue;
    const k2 = mod11(-weighted(first9 + k1, K2_WEIGHTS));
    if (k2 === 10) continue;
    const value = `${first9}${k1}${k2}`;
    if (!isValidByTest(value)) throw new Error(`generator made an invalid number ${value}`);
    return value;
  }
}

function invalidNumber(random: () => number): string {
  for (;;) {
    const value = Array.from({ length: 11 }, () => int(random, 0, 9)).join('');
    if (!isValidByTest(value)) return value;
  }
}

const DIGIT_ZEROS: number[] = (() => {
  const zeros: number[] = [];
  let run = 0;
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (/\p{Nd}/u.test(String.fromCodePoint(cp))) {
      if (run % 10 === 0) zeros.push(cp);
      run++;
    } else run = 0;
  }
  return zeros;
})();

const SEPARATORS = [
  ' ', '  ', '\u00A0', '\u2009', '\u202F', '\u2007', '\t', '\n',
  '/', ':', ',', '.', '-', ', ', ' - ', '\u2010', '\u2013', '\u2212',
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', ' \u200B',
];

// A hostile writer mixes digit forms.
function writeDigits(random: () => number, digits: string): string[] {
  const mixed = random() < 0.2;
  const formOf = () => (random() < 0.4 ? 0x30 : pick(random, DIGIT_ZEROS));
  const single = formOf();
  return Array.from(digits, (d) => String.fromCodePoint((mixed ? formOf() : single) + Number(d)));
}

function withSeparators(random: () => number, written: string[]): string {
  const count = int(random, 0, 10);
  const gaps = new Set(Array.from({ length: count }, () => int(random, 1, written.length - 1)));
  return written.map((d, i) => (gaps.has(i) ? pick(random, SEPARATORS) : '') + d).join('');
}

const BEFORE = ['', 'Fnr: ', 'Mitt fødselsnummer er ', '(', 'fnr:', 'tlf 22 33 44 55 og nr ', 'Sak 12 a ', '«', 'nr. '];
const AFTER = ['', '.', ', takk!', ')', ' – hilsen Kari', '»', '?', ' og ordre 123 45'];

describe('maskNationalIdsInText (property)', () => {
  it('generates numbers the test-side rules accept, in every Unicode digit form', () => {
    expect(DIGIT_ZEROS).toEqual(expect.arrayContaining([0x30, 0x660, 0x966, 0xff10, 0x1d7ce]));
    const random = seeded(1);
    for (let i = 0; i < 100; i++) expect(isValidByTest(validNumber(random))).toBe(true);
  });

  it('never lets the digits of a valid number through, whatever the separators and digit forms', () => {
    const random = seeded(17);
    for (let run = 0; run < RUNS; run++) {
      const digits = validNumber(random);
      const before = pick(random, BEFORE);
      const after = pick(random, AFTER);
      const written = withSeparators(random, writeDigits(random, digits));
      const text = `${before}${written}${after}`;
      expect({ text, masked: maskNationalIdsInText(text) }).toEqual({ text, masked: `${before}${digits.slice(0, 6)}*****${after}` });
    }
  });

  it('masks every valid number when several are written in one text', () => {
    const random = seeded(23);
    for (let run = 0; run < RUNS / 10; run++) {
      const numbers = [validNumber(random), validNumber(random), validNumber(random)];
      const text = numbers.map((n) => withSeparators(random, writeDigits(random, n))).join(' og ');
      expect({ text, masked: maskNationalIdsInText(text) }).toEqual({ text, masked: numbers.map((n) => `${n.slice(0, 6)}*****`).join(' og ') });
    }
  });

  it('keeps the excepted number (the logged-in identity) in any form and masks the others', () => {
    const random = seeded(29);
    for (let run = 0; run < RUNS / 10; run++) {
      const own = validNumber(random);
      const other = validNumber(random);
      const ownWritten = withSeparators(random, writeDigits(random, own));
      const text = `Jeg er ${ownWritten}, sønnen er ${withSeparators(random, writeDigits(random, other))}.`;
      const expected = `Jeg er ${ownWritten}, sønnen er ${own === other ? ownWritten : `${other.slice(0, 6)}*****`}.`;
      expect({ text, masked: maskNationalIdsInText(text, own) }).toEqual({ text, masked: expected });
    }
  });

  it('leaves invalid 11-digit runs as written, with any separators and digit forms', () => {
    const random = seeded(31);
    for (let run = 0; run < RUNS; run++) {
      const text = `${pick(random, BEFORE)}${withSeparators(random, writeDigits(random, invalidNumber(random)))}${pick(random, AFTER)}`;
      expect({ text, masked: maskNationalIdsInText(text) }).toEqual({ text, masked: text });
    }
  });

  it('leaves phone numbers as written', () => {
    const random = seeded(37);
    const digits = (n: number) => Array.from({ length: n }, () => int(random, 0, 9)).join('');
    const formats = [
      () => `+47 ${digits(3)} ${digits(2)} ${digits(3)}`,
      () => `+47 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
      () => `+47${digits(8)}`,
      () => `0047 ${digits(8)}`,
      () => `(+47) ${digits(3)}-${digits(2)}-${digits(3)}`,
      () => `${digits(2)}.${digits(2)}.${digits(2)}.${digits(2)}`,
    ];
    expect(maskNationalIdsInText('Ring +47 800 30 300 i dag')).toBe('Ring +47 800 30 300 i dag');
    for (let run = 0; run < RUNS; run++) {
      const text = `Ring ${pick(random, formats)()} i dag`;
      expect({ text, masked: maskNationalIdsInText(text) }).toEqual({ text, masked: text });
    }
  });

  it('leaves a valid number that is part of a longer unbroken digit run (an account or reference) alone', () => {
    const random = seeded(41);
    for (let run = 0; run < RUNS / 10; run++) {
      const number = validNumber(random);
      const text = random() < 0.5 ? `KID ${int(random, 1, 9)}${number}` : `KID ${number}${int(random, 0, 9)}`;
      expect({ text, masked: maskNationalIdsInText(text) }).toEqual({ text, masked: text });
    }
  });

  it('is idempotent', () => {
    const random = seeded(43);
    for (let run = 0; run < RUNS / 10; run++) {
      const once = maskNationalIdsInText(`nr ${withSeparators(random, writeDigits(random, validNumber(random)))} ok`);
      expect(maskNationalIdsInText(once)).toBe(once);
    }
  });
});
