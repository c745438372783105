import { CONFIRMATION_TTL_MS, ErasureTokens } from './erasure-token';
import type { Person } from './person';
import { RECORD_KINDS, type RecordCounts } from './person-records.store';

const kari: Person = { nationalId: '17858500060', email: 'kari@example.no', phone: null };
const counts = (tickets: number) => ({ ...Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 1])), tickets }) as RecordCounts;
const now = new Date('2026-11-24T10:00:00Z');

describe('ErasureTokens', () => {
  const tokens = new ErasureTokens('key');

  it('confirms exactly the person and counts it was issued for, until it expires', () => {
    const { token, expiresAt } = tokens.issue(kari, counts(2), now);
    expect(expiresAt.getTime() - now.getTime()).toBe(CONFIRMATION_TTL_MS);
    expect(tokens.refusal(token, kari, counts(2), now)).toBeNull();
    expect(tokens.refusal(token, kari, counts(3), now)).toMatch(/changed/);
    expect(tokens.refusal(token, { ...kari, email: null }, counts(2), now)).toMatch(/someone else/);
    expect(tokens.refusal(token, kari, counts(2), expiresAt)).toMatch(/expired/);
  });

  it('carries no key of the person', () => {
    const { token } = tokens.issue(kari, counts(2), now);
    const payload = Buffer.from(token.split('.')[0], 'base64url').toString('utf8');
    expect(payload).not.toContain('17858500060');
    expect(payload).not.toContain('kari@');
  });

  it('refuses a missing, altered, foreign-key or malformed token', () => {
    const { token } = tokens.issue(kari, counts(2), now);
    expect(tokens.refusal(undefined, kari, counts(2), now)).toMatch(/dry run/);
    expect(tokens.refusal(`${token}x`, kari, counts(2), now)).toMatch(/not valid/);
    expect(tokens.refusal(new ErasureTokens('other').issue(kari, counts(2), now).token, kari, counts(2), now)).toMatch(/not valid/);
    expect(tokens.refusal('a.b.c', kari, counts(2), now)).toMatch(/not valid/);
    expect(tokens.refusal('garbage', kari, counts(2), now)).toMatch(/not valid/);
    const [payload] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), expires: Date.now() * 2 })).toString('base64url');
    expect(tokens.refusal(`${forged}.${token.split('.')[1]}`, kari, counts(2), now)).toMatch(/not valid/);
  });
});
