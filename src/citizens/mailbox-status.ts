import type { MailboxProvider, MailboxStatus } from './citizen-context.types';
import { KrrLookup, UNAVAILABLE } from './registry.types';

/** Mailbox providers by organisation number (docs/domain.md §1). e-Boks has an old and a new one. */
export const MAILBOX_PROVIDERS: Readonly<Record<string, MailboxProvider>> = {
  '984661185': 'digipost',
  '922020175': 'e-boks',
  '996460320': 'e-boks',
};

const status = (state: MailboxStatus['state'], extra: Partial<MailboxStatus> = {}): MailboxStatus => ({
  state,
  ...(extra.address ? { address: extra.address } : {}),
  contactOutdated: extra.contactOutdated ?? false,
  suggestedReferral: extra.suggestedReferral ?? null,
});

/**
 * What the agent is told about the citizen's digital mailbox, decided in the order of
 * docs/domain.md §1 "Mailbox status for the agent". A number the register does not list at all
 * (`undefined`) is treated like `IKKE_REGISTRERT`.
 */
export function mailboxStatus(person: KrrLookup): MailboxStatus {
  // 1. The register could not be asked: the chat goes on without it.
  if (person === UNAVAILABLE) return status('unknown');
  // 2. Not in the register, or deleted from it.
  if (person === undefined || person.status === 'IKKE_REGISTRERT') return status('not-registered');
  if (person.status === 'SLETTET') return status('deleted');
  // 3. Reserved against digital mail; a mailbox is still shown when there is one.
  if (person.reserved) return status('reserved', { address: person.mailbox?.address });
  // 6. (checked here, reported with 4 and 5) An active, unreserved person who cannot be notified.
  const contactOutdated = person.notificationStatus === 'KAN_IKKE_VARSLES';
  // 4. A mailbox: refer to its provider.
  if (person.mailbox) {
    const provider = person.mailbox.providerOrgNumber ? MAILBOX_PROVIDERS[person.mailbox.providerOrgNumber] : undefined;
    // A mailbox at a provider we do not know: neither "none" (there is one) nor a referral we could make.
    if (!provider) return status('unknown', { address: person.mailbox.address, contactOutdated });
    return status(provider, { address: person.mailbox.address, contactOutdated, suggestedReferral: provider });
  }
  // 5. No digital mailbox: the agent guides the citizen to choose one on norge.no.
  return status('none', { contactOutdated });
}
