import { isValidNationalId, maskNationalId, normalizeNationalId, parseNationalId } from './national-id';
import { findNationalIds, maskNationalIdsInText } from './national-id-in-text';

// docs/domain.md §3.
const SYNTHETIC = ['17858500060', '17858507472', '22859197810', '26826499361', '04846697271'];
const SYNTHETIC_D_NUMBER = '41819000032';
const ALL_VALID = [...SYNTHETIC, SYNTHETIC_D_NUMBER];

// Written independently of the code under test.
const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const weighted = (digits: string, weights: number[]): number =>
  weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0);
const mod11 = (n: number): number => ((n % 11) + 11) % 11;

function withCheckDigits(first9: string, k1Remainder = 0): string | null {
  const k1 = mod11(k1Remainder - weighted(first9, K1_WEIGHTS));
  if (k1 === 10) return null;
  const first10 = first9 + k1;
  const k2 = mod11(-weighted(first10, K2_WEIGHTS));
  if (k2 === 10) return null;
  return first10 + k2;
}

function generate(datePart: string, accept: (first9: string) => string | null = (f) => withCheckDigits(f)): string {
  for (let individual = 0; individual < 1000; individual++) {
    const result = accept(datePart + String(individual).padStart(3, '0'));
    if (result) return result;
  }
  throw new Error(`no number for ${datePart}`);
}

const classicK1IsTen = (first9: string): boolean => mod11(-weighted(first9, K1_WEIGHTS)) === 10;

describe('isValidNationalId', () => {
  it.each(ALL_VALID)('accepts the documented synthetic number %s', (value) => {
    expect(isValidNationalId(value)).toBe(true);
  });

  it('recognises the kinds of the documented examples', () => {
    expect(parseNationalId('17858500060')).toEqual({
      kind: 'birth-number',
      synthetic: true,
      checkDigitRule: 'classic',
    });
    expect(parseNationalId(SYNTHETIC_D_NUMBER)).toEqual({
      kind: 'd-number',
      synthetic: true,
      checkDigitRule: 'classic',
    });
  });

  it.each(ALL_VALID)('rejects %s with any single digit changed', (value) => {
    for (let position = 0; position < 11; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === value[position]) continue;
        const changed = value.slice(0, position) + digit + value.slice(position + 1);
        expect({ changed, valid: isValidNationalId(changed) }).toEqual({ changed, valid: false });
      }
    }
  });

  it.each([
    ['empty', ''],
    ['too short', '1785850006'],
    ['too long', '178585000600'],
    ['letters', '1785850006a'],
    ['all letters', 'abcdefghijk'],
    ['a space inside', '178585 00060'],
    ['a dash inside', '178585-00060'],
    ['surrounding whitespace', ' 17858500060 '],
    ['full-width digits', '１７８５８５０００６０'],
  ])('rejects %s', (_label, value) => {
    expect(isValidNationalId(value)).toBe(false);
  });

  it('rejects non-strings without throwing', () => {
    expect(isValidNationalId(17858500060 as unknown as string)).toBe(false);
    expect(isValidNationalId(undefined as unknown as string)).toBe(false);
    expect(isValidNationalId(null as unknown as string)).toBe(false);
  });

  describe('check digits', () => {
    it('the test helper reproduces the documented examples', () => {
      for (const value of ALL_VALID) expect(withCheckDigits(value.slice(0, 9))).toBe(value);
    });

    it('where the classic k1 would be 10, only k1 accepted by the 2032 rule passes', () => {
      const first9 = generate('178585', (f) => (classicK1IsTen(f) ? f : null));
      // sum ≡ 1 (mod 11): k1 = 0, 1, 2 give remainders 1, 2, 3 (2032 rule); 3–9 give 4–10.
      for (let k1 = 0; k1 <= 9; k1++) {
        const first10 = first9 + k1;
        const k2 = mod11(-weighted(first10, K2_WEIGHTS));
        if (k2 === 10) continue;
        const value = first10 + k2;
        expect({ value, valid: isValidNationalId(value) }).toEqual({ value, valid: k1 <= 2 });
      }
    });

    it.each([1, 2, 3])('accepts a number valid only under the 2032 k1 rule (remainder %i)', (remainder) => {
      const value = generate('178585', (f) => withCheckDigits(f, remainder));
      expect(withCheckDigits(value.slice(0, 9))).not.toBe(value); // not a classic number
      expect(isValidNationalId(value)).toBe(true);
      expect(parseNationalId(value)?.checkDigitRule).toBe('2032');
    });

    it('rejects a 2032-rule number whose k2 is wrong', () => {
      const value = generate('178585', (f) => withCheckDigits(f, 2));
      for (let k2 = 0; k2 <= 9; k2++) {
        const changed = value.slice(0, 10) + k2;
        expect({ changed, valid: isValidNationalId(changed) }).toEqual({ changed, valid: changed === value });
      }
    });

    it('rejects k1 remainders outside {0, 1, 2, 3}', () => {
      for (let remainder = 4; remainder <= 10; remainder++) {
        const value = generate('178585', (f) => withCheckDigits(f, remainder));
        expect({ remainder, valid: isValidNationalId(value) }).toEqual({ remainder, valid: false });
      }
    });
  });

  describe('variants', () => {
    it('accepts a D-number (first digit + 4)', () => {
      const value = generate('410190'); // 1 January 1990
      expect(isValidNationalId(value)).toBe(true);
      expect(parseNationalId(value)).toMatchObject({ kind: 'd-number', synthetic: false });
    });

    it('accepts a D-number on the 31st (day 71)', () => {
      expect(isValidNationalId(generate('710190'))).toBe(true);
    });

    it('accepts an H-number (third digit + 4)', () => {
      const value = generate('015190'); // 1 November 1990
      expect(isValidNationalId(value)).toBe(true);
      expect(parseNationalId(value)).toMatchObject({ kind: 'h-number', synthetic: false });
    });

    it('accepts a synthetic D-number (first digit + 4, month + 80)', () => {
      const value = generate('558592');
      expect(parseNationalId(value)).toMatchObject({ kind: 'd-number', synthetic: true });
    });

    it('accepts a plain birth number date (generated)', () => {
      expect(parseNationalId(generate('170585'))).toMatchObject({ kind: 'birth-number', synthetic: false });
    });

    it('rejects a number that is both a D-number and an H-number', () => {
      expect(isValidNationalId(generate('415190'))).toBe(false);
    });
  });

  describe('date part', () => {
    it.each([
      ['day 32', '328585'],
      ['day 00', '008585'],
      ['month 13 (93 − 80)', '019385'],
      ['month 0 (80 − 80)', '018085'],
      ['D-number day 32 (72 − 40)', '728585'],
      ['D-number day 0 (40 − 40)', '408585'],
      ['H-number month 13 (53 − 40)', '015390'],
      ['month 13 without offset', '011390'],
      ['month in the 60s–70s', '016590'],
      ['31 April', '318485'],
      ['30 February', '308285'],
      ['29 February in a year leap in neither 19yy nor 20yy', '298285'],
    ])('rejects %s even with valid check digits', (_label, datePart) => {
      expect(isValidNationalId(generate(datePart))).toBe(false);
    });

    it.each([
      ['29 February 2000 (yy 00)', '298200'],
      ['29 February 1996/2096', '298296'],
      ['29 February 2024', '298224'],
      ['31 December', '319299'],
      ['30 April', '308485'],
    ])('accepts %s', (_label, datePart) => {
      expect(isValidNationalId(generate(datePart))).toBe(true);
    });
  });
});

describe('normalizeNationalId', () => {
  it('strips spaces', () => {
    expect(normalizeNationalId(' 178585 00060 ')).toBe('17858500060');
    expect(normalizeNationalId('178 585 000 60')).toBe('17858500060');
    expect(isValidNationalId(normalizeNationalId('178585 00060'))).toBe(true);
  });
});

describe('maskNationalId', () => {
  it('keeps the first six digits and masks the rest', () => {
    expect(maskNationalId('17858500060')).toBe('178585*****');
    expect(maskNationalId('41819000032')).toBe('418190*****');
  });

  it('masks a number written with a space', () => {
    expect(maskNationalId('178585 00060')).toBe('178585*****');
  });
});

describe('maskNationalIdsInText', () => {
  it('masks a number inside a sentence', () => {
    expect(maskNationalIdsInText('Mitt fødselsnummer er 17858500060, kan du sjekke?')).toBe(
      'Mitt fødselsnummer er 178585*****, kan du sjekke?',
    );
  });

  it.each([
    ['a space', '178585 00060'],
    ['a dot', '178585.00060'],
    ['a dash', '178585-00060'],
  ])('masks a number written with %s between the date and the rest', (_label, written) => {
    expect(maskNationalIdsInText(`nr: ${written}.`)).toBe('nr: 178585*****.');
  });

  it.each([
    ['two spaces', '178585  00060'],
    ['spaces in threes', '178 585 000 60'],
    ['spaces in fours', '1785 8500 060'],
    ['a slash', '178585/00060'],
    ['a colon', '178585:00060'],
    ['a comma', '178585,00060'],
    ['a comma and a space', '178585, 00060'],
    ['a no-break space', '178585\u00A000060'],
    ['a narrow no-break space', '178585\u202F00060'],
    ['a zero-width space', '1785850\u200B0060'],
    ['a word joiner and a BOM', '17\u20608585\uFEFF00060'],
    ['full-width digits', '１７８５８５０００６０'],
    ['full-width digits and a space', '１７８５８５ ０００６０'],
    ['Arabic-Indic digits', '١٧٨٥٨٥٠٠٠٦٠'],
    ['mathematical bold digits', '𝟏𝟕𝟖𝟓𝟖𝟓𝟎𝟎𝟎𝟔𝟎'],
  ])('masks a number written with %s', (_label, written) => {
    expect(maskNationalIdsInText(`nr ${written} ok`)).toBe('nr 178585***** ok');
  });

  it('masks a number that follows other digits across a separator', () => {
    expect(maskNationalIdsInText('Sak 12, 17858500060')).toBe('Sak 12, 178585*****');
    expect(maskNationalIdsInText('1 178585 00060')).toBe('1 178585*****');
  });

  it('masks several numbers', () => {
    const text = 'Meg: 17858500060, kona: 22859197810 og sønnen 26826499361.';
    expect(maskNationalIdsInText(text)).toBe('Meg: 178585*****, kona: 228591***** og sønnen 268264*****.');
  });

  it('leaves the excepted number (the logged-in identity) as written', () => {
    const text = 'Jeg er 17858500060, min sønn er 26826499361.';
    expect(maskNationalIdsInText(text, '17858500060')).toBe('Jeg er 17858500060, min sønn er 268264*****.');
  });

  it('compares the excepted number by digits only', () => {
    expect(maskNationalIdsInText('Jeg er 178585-00060.', '178585 00060')).toBe('Jeg er 178585-00060.');
  });

  it('leaves a 12-digit run alone', () => {
    expect(maskNationalIdsInText('Konto 178585000601 og 917858500060')).toBe('Konto 178585000601 og 917858500060');
  });

  it('leaves an invalid 11-digit number (e.g. an order number) alone', () => {
    expect(maskNationalIdsInText('Ordre 17858500061 og 12345678901')).toBe('Ordre 17858500061 og 12345678901');
  });

  it('masks next to letters and punctuation, and leaves text without numbers unchanged', () => {
    expect(maskNationalIdsInText('(fnr:17858500060)')).toBe('(fnr:178585*****)');
    expect(maskNationalIdsInText('Ingen nummer her.')).toBe('Ingen nummer her.');
  });
});

describe('findNationalIds', () => {
  it('returns the valid numbers with their position and written form', () => {
    const text = 'A 17858500060 B 17858500061 C 178585 07472';
    expect(findNationalIds(text)).toEqual([
      { digits: '17858500060', match: '17858500060', index: 2 },
      { digits: '17858507472', match: '178585 07472', index: 30 },
    ]);
  });
});
