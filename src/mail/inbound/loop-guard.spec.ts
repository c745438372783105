import { admit, automaticBecause, MAX_ACKS_PER_ADDRESS_PER_DAY } from './loop-guard';

const OURS = 'brukerstotte@digdir.no';
const fresh = { ackedOnTicket: false, acksToAddressToday: 0 };
const mail = (headers: Record<string, string> = {}, fromAddress: string | null = 'ola@example.no') => ({ fromAddress, headers: new Map(Object.entries(headers)) });

describe('loop guard (RFC 3834)', () => {
  it('acknowledges a person’s mail', () => {
    expect(admit(mail(), OURS, fresh)).toEqual({ take: true, acknowledge: true });
    expect(admit(mail({ 'auto-submitted': 'no', precedence: 'first-class', 'return-path': '<ola@example.no>' }), OURS, fresh)).toEqual({ take: true, acknowledge: true });
  });

  it.each([
    [{ 'auto-submitted': 'auto-replied' }, /Auto-Submitted/],
    [{ 'auto-submitted': 'auto-generated' }, /Auto-Submitted/],
    [{ precedence: 'bulk' }, /Precedence/],
    [{ precedence: 'junk' }, /Precedence/],
    [{ precedence: 'list' }, /Precedence/],
    [{ precedence: 'auto_reply' }, /Precedence/],
    [{ 'list-id': '<nyheter.example.no>' }, /List-Id/],
    [{ 'list-unsubscribe': '<mailto:u@example.no>' }, /List-Unsubscribe/],
    [{ 'x-autoreply': 'yes' }, /X-Autoreply/],
    [{ 'x-autorespond': 'yes' }, /X-Autoreply/],
    [{ 'return-path': '<>' }, /empty Return-Path/],
  ])('stores but never acknowledges %j', (headers, reason) => {
    const admission = admit(mail(headers), OURS, fresh);
    expect(admission).toMatchObject({ take: true, acknowledge: false });
    expect(admission.take && !admission.acknowledge && admission.reason).toMatch(reason);
  });

  it('never acknowledges bounces and system senders', () => {
    expect(automaticBecause(mail({}, 'MAILER-DAEMON@mx.example.no'))).toBe('system sender');
    expect(automaticBecause(mail({}, 'postmaster@example.no'))).toBe('system sender');
    expect(automaticBecause(mail({}, 'noreply@skatteetaten.no'))).toBe('system sender');
    expect(automaticBecause(mail({}, null))).toBe('no sender address');
  });

  it('refuses mail from our own address entirely, in any case', () => {
    expect(admit(mail({}, 'Brukerstotte@Digdir.no'), OURS, fresh)).toEqual({ take: false, reason: 'sent from our own address' });
  });

  it('acknowledges once per ticket and a few times a day per address', () => {
    expect(admit(mail(), OURS, { ackedOnTicket: true, acksToAddressToday: 1 })).toMatchObject({ acknowledge: false, reason: expect.stringMatching(/this ticket/) });
    expect(admit(mail(), OURS, { ackedOnTicket: false, acksToAddressToday: MAX_ACKS_PER_ADDRESS_PER_DAY - 1 })).toMatchObject({ acknowledge: true });
    expect(admit(mail(), OURS, { ackedOnTicket: false, acksToAddressToday: MAX_ACKS_PER_ADDRESS_PER_DAY })).toMatchObject({ acknowledge: false, reason: expect.stringMatching(/daily/) });
  });
});
