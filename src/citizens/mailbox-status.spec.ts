import { mailboxStatus } from './mailbox-status';
import type { KrrPerson } from './registry.types';

const person = (over: Partial<KrrPerson> = {}): KrrPerson => ({ nationalId: '17858500060', status: 'AKTIV', reserved: false, notificationStatus: 'KAN_VARSLES', contact: {}, ...over });
const digipost = { address: 'ola.nordmann#9YDT', providerOrgNumber: '984661185' };

describe('mailboxStatus (docs/domain.md §1, in order)', () => {
  it('1. a failed look-up is unknown', () => {
    expect(mailboxStatus('unavailable')).toEqual({ state: 'unknown', contactOutdated: false, suggestedReferral: null });
  });

  it('2. not registered (also when the register does not list the number) and deleted', () => {
    expect(mailboxStatus(undefined)).toEqual({ state: 'not-registered', contactOutdated: false, suggestedReferral: null });
    expect(mailboxStatus(person({ status: 'IKKE_REGISTRERT', notificationStatus: 'KAN_IKKE_VARSLES' }))).toEqual({ state: 'not-registered', contactOutdated: false, suggestedReferral: null });
    expect(mailboxStatus(person({ status: 'SLETTET', mailbox: digipost, notificationStatus: 'KAN_IKKE_VARSLES' }))).toEqual({ state: 'deleted', contactOutdated: false, suggestedReferral: null });
  });

  it('3. reserved, with the mailbox shown when there is one, no referral and no outdated warning', () => {
    expect(mailboxStatus(person({ reserved: true, mailbox: digipost, notificationStatus: 'KAN_IKKE_VARSLES' }))).toEqual({
      state: 'reserved',
      address: 'ola.nordmann#9YDT',
      contactOutdated: false,
      suggestedReferral: null,
    });
    expect(mailboxStatus(person({ reserved: true }))).toEqual({ state: 'reserved', contactOutdated: false, suggestedReferral: null });
  });

  it('4. a mailbox: Digipost or e-Boks (both organisation numbers) with that referral suggested', () => {
    expect(mailboxStatus(person({ mailbox: digipost }))).toEqual({ state: 'digipost', address: 'ola.nordmann#9YDT', contactOutdated: false, suggestedReferral: 'digipost' });
    for (const org of ['922020175', '996460320']) {
      expect(mailboxStatus(person({ mailbox: { address: 'kari#EB', providerOrgNumber: org } }))).toEqual({
        state: 'e-boks',
        address: 'kari#EB',
        contactOutdated: false,
        suggestedReferral: 'e-boks',
      });
    }
  });

  it('a mailbox at an unknown provider is neither "none" nor a referral', () => {
    expect(mailboxStatus(person({ mailbox: { address: 'x#1', providerOrgNumber: '123456789' } }))).toEqual({ state: 'unknown', address: 'x#1', contactOutdated: false, suggestedReferral: null });
  });

  it('5. otherwise no digital mailbox', () => {
    expect(mailboxStatus(person())).toEqual({ state: 'none', contactOutdated: false, suggestedReferral: null });
  });

  it('6. contact details out of date on an active, unreserved person (status left out counts as active)', () => {
    expect(mailboxStatus(person({ mailbox: digipost, notificationStatus: 'KAN_IKKE_VARSLES' }))).toMatchObject({ state: 'digipost', contactOutdated: true, suggestedReferral: 'digipost' });
    expect(mailboxStatus(person({ notificationStatus: 'KAN_IKKE_VARSLES' }))).toMatchObject({ state: 'none', contactOutdated: true });
    expect(mailboxStatus(person({ status: undefined, notificationStatus: 'KAN_IKKE_VARSLES' }))).toMatchObject({ state: 'none', contactOutdated: true });
  });
});
