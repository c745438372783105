import type { IdportenLookup, KrrLookup } from './registry.types';

// Implementations never throw: a failed look-up resolves to `'unavailable'`, so the chat goes on.
export abstract class ContactRegister {
  abstract lookup(nationalId: string): Promise<KrrLookup>;
}

export abstract class IdportenUsers {
  abstract search(nationalId: string): Promise<IdportenLookup>;
}
