import { createHmac } from 'node:crypto';

const hmacHex = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');

/** A key for one use, derived from a secret, so one secret never keys two kinds of hash alike. */
export const deriveKey = (secret: string, purpose: string) => hmacHex(secret, purpose);

// Keyed: valid numbers are few enough to hash them all, which would reverse a plain sha256.
export const nationalIdHash = (nationalId: string, key: string) => hmacHex(key, nationalId.replace(/\D/g, ''));

/** Tickets' `national_id_hash`: finds one person's tickets without comparing plain numbers. */
export class NationalIdHasher {
  constructor(private readonly key: string) {}

  hash(nationalId: string): string {
    return nationalIdHash(nationalId, this.key);
  }

  hashOrNull(nationalId: string | null | undefined): string | null {
    return nationalId ? this.hash(nationalId) : null;
  }
}
