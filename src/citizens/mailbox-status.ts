import type { MailboxProvider, MailboxStatus } from './citizen-context.types';
import { KrrLookup, UNAVAILABLE } from './registry.types';

// docs/domain.md §1.
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

// In the order of docs/domain.md §1 "Mailbox status for the agent"; an unlisted number counts as IKKE_REGISTRERT.
export function mailboxStatus(person: KrrLookup): MailboxStatus {
  if (person === UNAVAILABLE) return status('unknown');
  if (person === undefined || person.status === 'IKKE_REGISTRERT') return status('not-registered');
  if (person.status === 'SLETTET') return status('deleted');
  if (person.reserved) return status('reserved', { address: person.mailbox?.address });
  const contactOutdated = person.notificationStatus === 'KAN_IKKE_VARSLES';
  if (person.mailbox) {
    const provider = person.mailbox.providerOrgNumber ? MAILBOX_PROVIDERS[person.mailbox.providerOrgNumber] : undefined;
    // A provider we do not know: neither "none" (there is one) nor a referral we could make.
    if (!provider) return status('unknown', { address: person.mailbox.address, contactOutdated });
    return status(provider, { address: person.mailbox.address, contactOutdated, suggestedReferral: provider });
  }
  return status('none', { contactOutdated });
}
