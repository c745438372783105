import { isSingleAddress } from './mail-transport';
import { classifySendFailure, UnsendableMail } from './smtp-failure';
import { mailRefusal } from './ticket-mailer';

describe('whether mail can go out on a ticket', () => {
  it('goes on an open, pending or closed ticket with an address and a way to send', () => {
    for (const status of ['open', 'pending', 'closed'] as const) expect(mailRefusal({ status }, 'ola@example.no', 'smtp')).toBeNull();
    expect(mailRefusal({ status: 'open' }, 'ola@example.no', 'dev-mailbox')).toBeNull();
  });

  it('refuses a live chat, a ticket without an address, and production without SMTP, each with its own code', () => {
    expect(mailRefusal({ status: 'active' }, 'ola@example.no', 'smtp')?.code).toBe('LIVE_CHAT');
    expect(mailRefusal({ status: 'queued' }, null, 'smtp')?.code).toBe('LIVE_CHAT');
    expect(mailRefusal({ status: 'open' }, null, 'smtp')?.code).toBe('NO_EMAIL_ADDRESS');
    expect(mailRefusal({ status: 'open' }, 'ola@example.no', 'none')?.code).toBe('MAIL_UNAVAILABLE');
  });

  it('sends to one address only', () => {
    expect(isSingleAddress('ola.nordmann+desk@example.no')).toBe(true);
    for (const bad of ['a@x.no, b@y.no', 'Ola <a@x.no>', 'a@x.no\r\nBcc: b@y.no', 'no-at-sign', 'a@b@c', '']) expect(isSingleAddress(bad)).toBe(false);
  });

  it('fails a mail no server will take at once', () => {
    expect(classifySendFailure(new UnsendableMail('The recipient is not one e-mail address'))).toEqual({ permanent: true, reason: 'The recipient is not one e-mail address' });
  });
});
