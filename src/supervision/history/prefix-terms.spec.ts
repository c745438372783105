import { FEW_OCCURRENCES, MAX_PREFIX_TERMS, prefixTermParams, termsInstead } from './prefix-terms';

describe('the whole terms searched instead of a prefix', () => {
  const rows = (count: number, occurrences: number) => Array.from({ length: count }, (_, i) => ({ term: `postkass${i}`, occurrences }));

  it('replaces a common prefix by its terms', () => {
    expect(termsInstead(rows(3, FEW_OCCURRENCES))).toEqual(['postkass0', 'postkass1', 'postkass2']);
    expect(termsInstead(rows(MAX_PREFIX_TERMS, FEW_OCCURRENCES))).toHaveLength(MAX_PREFIX_TERMS);
  });

  it('leaves a prefix to FTS5 when nothing starts with it, when it is rare, or when it has too many terms', () => {
    expect(termsInstead([])).toBeNull();
    expect(termsInstead(rows(20, FEW_OCCURRENCES - 1))).toBeNull();
    expect(termsInstead(rows(MAX_PREFIX_TERMS + 1, FEW_OCCURRENCES))).toBeNull();
  });

  it('bounds the look-up by the prefix and one term more than the most it uses', () => {
    expect(prefixTermParams('po', 200)).toEqual(['po', 'po\u{10FFFF}', 200, 'po', 'po\u{10FFFF}', 'po', 'po\u{10FFFF}']);
  });
});
