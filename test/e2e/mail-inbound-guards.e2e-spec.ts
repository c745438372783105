import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RetentionService } from '../../src/retention/retention.service';
import { startDovecot, TestMailbox } from '../support/dovecot';
import { deliver, REFUSED, rows, startMailDesk, TAKEN, ticketOf } from '../support/mail-inbound';
import { rawMail } from '../support/raw-mail';
import type { TestApp } from '../support/test-app';

const acksTo = async (desk: TestApp, address: string) => Number((await rows(desk, "SELECT COUNT(*) AS n FROM mails WHERE kind = 'ack' AND to_address = ?", [address]))[0].n);

describe('support mailbox: loop guards and bad input', () => {
  let box: TestMailbox;
  let desk: TestApp;
  let warnings: jest.SpyInstance;

  beforeAll(async () => {
    box = await startDovecot();
    desk = await startMailDesk(box);
  });

  beforeEach(() => {
    warnings = jest.spyOn(Logger.prototype, 'warn');
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await desk?.close();
    await box?.stop();
  });

  it.each([
    ['an auto-reply', { 'Auto-Submitted': 'auto-replied', Subject: 'Fraværsmelding' }],
    ['an old-style auto-reply', { 'X-Autoreply': 'yes' }],
    ['list mail', { 'List-Id': '<nyhetsbrev.example.no>', 'List-Unsubscribe': '<mailto:av@example.no>', Precedence: 'list' }],
    ['a bounce (empty return path)', { 'Return-Path': '<>' }],
  ])('stores %s but never acknowledges it', async (_, headers) => {
    const address = `${randomBytes(4).toString('hex')}@example.no`;
    const raw = rawMail({ from: address, text: 'Automatisk tekst.', headers });
    await deliver(box, raw);
    const found = (await ticketOf(desk, raw))!;
    expect(found.ticket.channel).toBe('email');
    expect(found.messages.map((m) => m.body)).toEqual(['Automatisk tekst.']);
    expect(await acksTo(desk, address)).toBe(0);
  });

  it('refuses mail from our own address: not imported, marked refused on the server, logged', async () => {
    const raw = rawMail({ from: 'Brukerstøtte <Brukerstotte@digdir.no>', subject: 'Re: Innlogging [DS-2026-000001]', text: 'Vår egen kvittering.' });
    const uid = await deliver(box, raw);
    expect(await box.flags(uid)).toEqual(new Set([TAKEN, REFUSED, '\\Seen']));
    expect(await ticketOf(desk, raw)).toBeNull();
    expect(warnings).toHaveBeenCalledWith('Mail refused: sent from our own address');
  });

  it('acknowledges an address at most three times a day, however many tickets its mails open', async () => {
    for (let i = 1; i <= 4; i += 1) await deliver(box, rawMail({ from: 'ikke-trad@example.no', subject: `Fraværsmelding ${i}`, text: 'Jeg er borte.' }));
    expect(Number((await rows(desk, "SELECT COUNT(*) AS n FROM tickets WHERE citizen_email = 'ikke-trad@example.no'"))[0].n)).toBe(4);
    expect(await acksTo(desk, 'ikke-trad@example.no')).toBe(3);
  });

  it('stores what it can of malformed MIME, and goes on with the next mail', async () => {
    const broken = Buffer.from(
      'From: rot@example.no\r\nSubject: =?UTF-8?B?ikke-base64!!?=\r\nMessage-ID: <broken-1@example.no>\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=x-unknown\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%ikke base64%%%\r\n--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=\r\n',
    );
    const uid = await deliver(box, broken);
    expect((await box.flags(uid)).has(TAKEN)).toBe(true);
    const found = (await ticketOf(desk, broken))!;
    expect(found.ticket).toMatchObject({ channel: 'email', citizen_email: 'rot@example.no' });
    expect(found.messages).toHaveLength(1);
    // The "PDF" part decodes to a few plain characters: kept as what its content is.
    expect(found.attachments.map((a) => a.content_type)).toEqual(['text/plain']);
    const next = rawMail({ from: 'etter@example.no', text: 'Etter rotet.' });
    await deliver(box, next);
    expect((await ticketOf(desk, next))!.messages[0].body).toBe('Etter rotet.');
  });

  it('takes the text of a mail with a 50 MB attachment and says the attachment was not kept', async () => {
    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(50 * 1024 * 1024)]);
    const raw = rawMail({ from: 'stor@example.no', subject: 'Stort vedlegg', text: 'Se vedlagt.', attachments: [{ filename: 'stor.pdf', content: huge, contentType: 'application/pdf' }] });
    await deliver(box, raw, 60_000);
    const found = (await ticketOf(desk, raw))!;
    expect(found.messages[0].body).toMatch(/^Se vedlagt\.\n\n\[Vedlegg ikke lagret: e-posten var på 6\d MB; bare teksten er tatt inn\]$/);
    expect(found.attachments).toEqual([]);
    expect(await acksTo(desk, 'stor@example.no')).toBe(1);
  }, 120_000);

  it('takes a mail with 10,000 recipients as one ticket with one acknowledgement to its sender', async () => {
    const to = Array.from({ length: 10_000 }, (_, i) => `mottaker${i}@example.no`).join(',\r\n ');
    const raw = rawMail({ from: 'mange@example.no', to, text: 'Til alle.' });
    await deliver(box, raw);
    const found = (await ticketOf(desk, raw))!;
    expect(found.mail.to_address).toBe('brukerstotte@digdir.no');
    expect(found.mails.filter((m) => m.kind === 'ack').map((m) => m.to_address)).toEqual(['mange@example.no']);
  });

  it('retention deletes a closed e-mail ticket with its mails and attachments', async () => {
    const raw = rawMail({ from: 'gammel@example.no', text: 'Gammel sak.', attachments: [{ filename: 'a.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) }] });
    await deliver(box, raw);
    const { ticket, attachments } = (await ticketOf(desk, raw))!;
    expect(attachments).toHaveLength(1);
    await rows(desk, "UPDATE tickets SET status = 'closed', outcome = 'resolved', closed_by = 'agent' WHERE id = ?", [ticket.id]);
    await desk.app.get(RetentionService).run(new Date('2031-01-01T00:00:00Z'));
    for (const table of ['tickets', 'mails', 'attachments', 'messages']) {
      const column = table === 'tickets' ? 'id' : 'ticket_id';
      expect([table, Number((await rows(desk, `SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`, [ticket.id]))[0].n)]).toEqual([table, 0]);
    }
    expect(await ticketOf(desk, raw)).toBeNull();
  });
});
