import type { IdportenLookup, KrrLookup } from './registry.types';

/**
 * The contact register (KRR). Implementations never throw: a failed look-up resolves to
 * `'unavailable'` so that the chat goes on with state `unknown`.
 */
export abstract class ContactRegister {
  abstract lookup(nationalId: string): Promise<KrrLookup>;
}

/** ID-porten's user service. Same contract: `'unavailable'` instead of an exception. */
export abstract class IdportenUsers {
  abstract search(nationalId: string): Promise<IdportenLookup>;
}
