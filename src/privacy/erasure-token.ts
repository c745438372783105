import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Person } from './person';
import type { RecordCounts } from './person-records.store';

export const CONFIRMATION_TTL_MS = 10 * 60_000;

interface TokenPayload {
  person: string;
  counts: RecordCounts;
  expires: number;
}

const encode = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * The dry run's answer to "erase exactly this": a signed, short-lived token bound to the person (by a
 * keyed hash, so the token carries no key of theirs) and to the counts that were shown. Stateless; it is
 * single-use in effect, since after the erasure the counts no longer match.
 */
export class ErasureTokens {
  constructor(private readonly key: string) {}

  issue(person: Person, counts: RecordCounts, now: Date): { token: string; expiresAt: Date } {
    const expires = now.getTime() + CONFIRMATION_TTL_MS;
    const payload = encode(JSON.stringify({ person: this.personHash(person), counts, expires } satisfies TokenPayload));
    return { token: `${payload}.${this.sign(payload)}`, expiresAt: new Date(expires) };
  }

  /** Why the token does not confirm this erasure, or null when it does. */
  refusal(token: string | undefined, person: Person, counts: RecordCounts, now: Date): string | null {
    if (!token) return 'Run the dry run first and send its confirmation';
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return 'The confirmation is not valid';
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'The confirmation is not valid';
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenPayload;
    if (parsed.person !== this.personHash(person)) return 'The confirmation was given for someone else';
    if (parsed.expires <= now.getTime()) return 'The confirmation has expired: run the dry run again';
    if (JSON.stringify(parsed.counts) !== JSON.stringify(counts)) return 'The records changed since the dry run: run it again';
    return null;
  }

  private personHash(person: Person): string {
    return createHmac('sha256', this.key).update(JSON.stringify([person.nationalId, person.email, person.phone])).digest('hex');
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(`erasure:${payload}`).digest('base64url');
  }
}
