import { Logger } from '@nestjs/common';
import { MailImporter } from '../../src/mail/inbound/mail-importer';
import { startDovecot, TestMailbox } from '../support/dovecot';
import { deliver, rows, startMailDesk, taken, ticketOf } from '../support/mail-inbound';
import { messageIdOf, rawMail } from '../support/raw-mail';
import { startTestApp, TestApp } from '../support/test-app';

const count = async (desk: TestApp, sql: string, params: unknown[] = []) => Number((await rows(desk, sql, params))[0].n);

describe('support mailbox: each mail once', () => {
  let box: TestMailbox;

  beforeEach(async () => {
    box = await startDovecot();
  });

  afterEach(async () => {
    await box?.stop();
  });

  it('does not take a mail twice when the desk stopped after storing it but before marking it on the server', async () => {
    // The first run stored the mail (its transaction committed) and stopped before the server heard.
    const raw = rawMail({ from: 'restart@example.no', text: 'Før omstarten.' });
    const first = await startTestApp();
    expect(await first.app.get(MailImporter).import(raw)).toMatchObject({ status: 'imported', newTicket: true, acknowledged: true });
    await first.close({ keepData: true });

    const uid = await box.append(raw);
    const fresh = rawMail({ from: 'ny@example.no', text: 'Etter omstarten.' });
    const freshUid = await box.append(fresh);
    const second = await startMailDesk(box, { dataDir: first.dataDir });
    try {
      await taken(box, uid);
      await taken(box, freshUid);
      expect(await count(second, 'SELECT COUNT(*) AS n FROM mails WHERE header_message_id = ?', [messageIdOf(raw)])).toBe(1);
      expect(await count(second, "SELECT COUNT(*) AS n FROM tickets WHERE citizen_email = 'restart@example.no'")).toBe(1);
      expect(await count(second, "SELECT COUNT(*) AS n FROM mails WHERE kind = 'ack' AND to_address = 'restart@example.no'")).toBe(1);
      expect((await ticketOf(second, fresh))!.messages[0].body).toBe('Etter omstarten.');
    } finally {
      await second.close();
    }
  });

  describe('two desks on one database', () => {
    let one: TestApp;
    let two: TestApp;

    afterEach(async () => {
      await two?.close({ keepData: true });
      await one?.close();
    });

    it('store a mail once when both import it at the same moment', async () => {
      one = await startTestApp();
      two = await startTestApp({ dataDir: one.dataDir });
      const raw = rawMail({ from: 'samtidig@example.no', text: 'Samme e-post to ganger.' });
      const outcomes = await Promise.all([one.app.get(MailImporter).import(raw), two.app.get(MailImporter).import(raw)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'imported']);
      expect(await count(one, 'SELECT COUNT(*) AS n FROM mails WHERE header_message_id = ?', [messageIdOf(raw)])).toBe(1);
      expect(await count(one, "SELECT COUNT(*) AS n FROM tickets WHERE citizen_email = 'samtidig@example.no'")).toBe(1);
    });

    it('reading the same mailbox, take each mail once', async () => {
      one = await startMailDesk(box);
      two = await startMailDesk(box, { dataDir: one.dataDir });
      const spies = [one, two].map((desk) => jest.spyOn(desk.app.get(MailImporter), 'import'));
      const mails = Array.from({ length: 10 }, (_, i) => rawMail({ from: `mange${i}@example.no`, subject: `Sak ${i}`, text: `E-post nummer ${i}.` }));
      const uids: number[] = [];
      for (const raw of mails) uids.push(await box.append(raw));
      for (const uid of uids) await taken(box, uid);
      for (const raw of mails) expect(await count(one, 'SELECT COUNT(*) AS n FROM mails WHERE header_message_id = ?', [messageIdOf(raw)])).toBe(1);
      expect(await count(one, "SELECT COUNT(*) AS n FROM tickets WHERE channel = 'email'")).toBe(10);
      expect(await count(one, "SELECT COUNT(*) AS n FROM mails WHERE kind = 'ack'")).toBe(10);
      // Both desks read the mailbox (each mail was offered to at least one of them).
      const calls = spies.map((spy) => spy.mock.calls.length);
      expect(calls[0] + calls[1]).toBeGreaterThanOrEqual(10);
    });
  });
});

describe('support mailbox: a dropped connection', () => {
  it('is opened again, logged without the password, and mail goes on being taken', async () => {
    const box = await startDovecot();
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    const desk = await startMailDesk(box);
    try {
      await deliver(box, rawMail({ from: 'for@example.no', text: 'Før bruddet.' }));
      box.kick();
      const after = rawMail({ from: 'etter@example.no', text: 'Etter bruddet.' });
      await deliver(box, after);
      expect((await ticketOf(desk, after))!.messages[0].body).toBe('Etter bruddet.');
      const logged = warnings.mock.calls.map((call) => String(call[0])).filter((line) => line.startsWith('IMAP'));
      expect(logged.length).toBeGreaterThan(0);
      expect(logged.join('\n')).not.toContain(new URL(box.url).password);
    } finally {
      warnings.mockRestore();
      await desk.close();
      await box.stop();
    }
  });
});
