import { deriveKey, nationalIdHash, NationalIdHasher } from './national-id-hash';

/** Synthetic numbers from data/registry.sample.json. */
const DIGIPOST = '17858500060';
const E_BOKS = '17858507472';
const KEY = 'test-key';

describe('nationalIdHash', () => {
  it('hashes one person the same way, whatever the spacing, and never to the number itself', () => {
    expect(nationalIdHash(DIGIPOST, KEY)).toBe(nationalIdHash('178585 00060', KEY));
    expect(nationalIdHash(DIGIPOST, KEY)).toMatch(/^[0-9a-f]{64}$/);
    expect(nationalIdHash(DIGIPOST, KEY)).not.toContain(DIGIPOST);
    expect(nationalIdHash(DIGIPOST, KEY)).not.toBe(nationalIdHash(E_BOKS, KEY));
  });

  it('depends on the key: another key, another hash', () => {
    expect(nationalIdHash(DIGIPOST, KEY)).not.toBe(nationalIdHash(DIGIPOST, 'another-key'));
  });

  it('is HMAC-SHA256 over the digits (a fixed value, so a change of algorithm cannot pass unnoticed)', () => {
    expect(nationalIdHash('123456 78901', 'key')).toBe('ce61ef9d33a7e36eff4d709e6815fa5a9a4301c3038e6f97765aef671853dec2');
  });
});

describe('deriveKey', () => {
  it('gives each purpose its own key from one secret', () => {
    const secret = 'x'.repeat(40);
    expect(deriveKey(secret, 'a')).not.toBe(deriveKey(secret, 'b'));
    expect(deriveKey(secret, 'a')).toBe(deriveKey(secret, 'a'));
    expect(deriveKey(secret, 'a')).not.toContain(secret);
  });
});

describe('NationalIdHasher', () => {
  it('hashes with its key, and gives null for no number', () => {
    const hasher = new NationalIdHasher(KEY);
    expect(hasher.hash(DIGIPOST)).toBe(nationalIdHash(DIGIPOST, KEY));
    expect(hasher.hashOrNull(DIGIPOST)).toBe(nationalIdHash(DIGIPOST, KEY));
    expect(hasher.hashOrNull(null)).toBeNull();
    expect(hasher.hashOrNull('')).toBeNull();
  });
});
