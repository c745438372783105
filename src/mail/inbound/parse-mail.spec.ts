import { rawMail } from '../../../test/support/raw-mail';
import { languageOf, MAX_TEXT_CHARS, parseMail } from './parse-mail';

const LIMITS = { maxAttachmentBytes: 1024 * 1024 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

describe('parsing an inbound mail', () => {
  it('decodes encoded words and ISO-8859-1 Norwegian text', async () => {
    const mail = await parseMail(
      rawMail({ from: '=?ISO-8859-1?Q?Kj=E6re_=D8ystein_Bl=E5b=E6r?= <Oystein@Example.no>', subject: '=?UTF-8?B?U3DDuHJzbcOlbCBvbSDDpnJlbmRl?=', text: 'Hei, jeg får ikke åpnet brevet. Blåbærsyltetøy.', charset: 'iso-8859-1' }),
      LIMITS,
    );
    expect(mail.fromName).toBe('Kjære Øystein Blåbær');
    expect(mail.fromAddress).toBe('oystein@example.no');
    expect(mail.subject).toBe('Spørsmål om ærende');
    expect(mail.text).toBe('Hei, jeg får ikke åpnet brevet. Blåbærsyltetøy.');
  });

  it('prefers the text part of multipart/alternative', async () => {
    const mail = await parseMail(rawMail({ text: 'Ren tekst her.', html: '<p>HTML <b>her</b></p>' }), LIMITS);
    expect(mail.text).toBe('Ren tekst her.');
  });

  it('turns an HTML-only mail into plain text without its scripts or markup', async () => {
    const mail = await parseMail(rawMail({ html: '<p>Hei <b>dere</b></p><script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:evil()">lenke</a>' }), LIMITS);
    expect(mail.text).toContain('Hei dere');
    expect(mail.text).not.toMatch(/<script|<img|onerror|alert\(|<b>/i);
  });

  it('keeps accepted attachments by content and notes the others', async () => {
    const mail = await parseMail(
      rawMail({
        text: 'Se vedlegg.',
        attachments: [
          { filename: 'skjema.pdf', content: PDF, contentType: 'application/pdf' },
          { filename: 'faktura.pdf', content: Buffer.from('MZ\x90\x00\x03', 'latin1'), contentType: 'application/pdf' },
          { filename: '../../x.exe', content: Buffer.from('MZ\x90\x00\x03', 'latin1') },
          { filename: 'stor.pdf', content: Buffer.concat([PDF, Buffer.alloc(LIMITS.maxAttachmentBytes)]) },
        ],
      }),
      LIMITS,
    );
    expect(mail.attachments).toEqual([{ filename: 'skjema.pdf', contentType: 'application/pdf', content: PDF }]);
    expect(mail.text).toContain('[Vedlegg ikke lagret: faktura.pdf (filtypen er ikke tillatt)]');
    expect(mail.text).toContain('[Vedlegg ikke lagret: x.exe (filtypen er ikke tillatt)]');
    expect(mail.text).toContain('[Vedlegg ikke lagret: stor.pdf (større enn 1 MB)]');
  });

  it('keeps no attachment of a mail that was fetched only in part, and says so', async () => {
    const mail = await parseMail(rawMail({ text: 'Tekst.', attachments: [{ filename: 'a.pdf', content: PDF }] }), { ...LIMITS, truncatedFrom: 50 * 1024 * 1024 });
    expect(mail.attachments).toEqual([]);
    expect(mail.text).toBe('Tekst.\n\n[Vedlegg ikke lagret: e-posten var på 50 MB; bare teksten er tatt inn]');
  });

  it('masks national identity numbers in text, subject and file names', async () => {
    const mail = await parseMail(
      rawMail({ subject: 'Fnr 17858500060', text: 'Mitt nummer er 17858500060.', attachments: [{ filename: '17858500060.pdf', content: PDF }] }),
      LIMITS,
    );
    expect(`${mail.subject} ${mail.text} ${mail.attachments[0].filename}`).not.toContain('17858500060');
    expect(mail.text).toContain('178585*****');
  });

  it('bounds the text and marks the cut', async () => {
    const mail = await parseMail(rawMail({ text: 'a'.repeat(MAX_TEXT_CHARS + 5) }), LIMITS);
    expect(mail.text).toBe(`${'a'.repeat(MAX_TEXT_CHARS)}\n\n[Teksten er forkortet: 5 tegn til er ikke tatt med]`);
  });

  it('gives a mail without Message-ID a stable one made from its content', async () => {
    const raw = rawMail({ messageId: null, text: 'Uten id.' });
    const first = await parseMail(raw, LIMITS);
    expect(first.messageId).toMatch(/^<[0-9a-f]{40}@desk\.invalid>$/);
    expect((await parseMail(raw, LIMITS)).messageId).toBe(first.messageId);
    expect((await parseMail(rawMail({ messageId: null, text: 'Annen.' }), LIMITS)).messageId).not.toBe(first.messageId);
  });

  it('reads the thread, the headers the loop guard needs and the language', async () => {
    const mail = await parseMail(
      rawMail({ inReplyTo: '<b@digdir.no>', references: '<a@digdir.no>\r\n <b@digdir.no>', headers: { 'Auto-Submitted': 'auto-replied', 'Content-Language': 'nn-NO' } }),
      LIMITS,
    );
    expect(mail.thread).toEqual(['<b@digdir.no>', '<a@digdir.no>']);
    expect(mail.inReplyTo).toBe('<b@digdir.no>');
    expect(mail.references).toBe('<a@digdir.no> <b@digdir.no>');
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.language).toBe('nn');
    expect([languageOf('nb-NO'), languageOf('no'), languageOf('en-GB, nb'), languageOf('de'), languageOf(undefined)]).toEqual(['nb', 'nb', 'en', null, null]);
  });

  it('reads what it can of malformed MIME', async () => {
    const broken = Buffer.from('From: ola@example.no\r\nSubject: \x00\x01 rot\r\nContent-Type: multipart/mixed; boundary=\r\n\r\n--\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\nNoe tekst\r\n');
    const mail = await parseMail(broken, LIMITS);
    expect(mail.fromAddress).toBe('ola@example.no');
    expect(mail.subject).toBe('rot');
    expect(mail.messageId).toMatch(/@desk\.invalid>$/);
  });
});
