import { MAX_REFERENCES, replyThreading } from './reply-threading';

const REF = 'DS-2026-000123';

describe('subject and threading of a mail from the desk', () => {
  it('answers the citizen\'s newest mail: In-Reply-To its id, References its chain and its id', () => {
    const threading = replyThreading(REF, 'nb', { headerMessageId: '<c@citizen.no>', subject: 'Finner ikke brevet', references: '<a@desk.no> <b@citizen.no>' });
    expect(threading).toEqual({ subject: `Re: Finner ikke brevet [${REF}]`, inReplyTo: '<c@citizen.no>', references: '<a@desk.no> <b@citizen.no> <c@citizen.no>' });
  });

  it('says "Re:" once, whatever prefixes the citizen\'s mail program added', () => {
    expect(replyThreading(REF, 'nb', { headerMessageId: '<c@x.no>', subject: `SV: Re: AW:  Innlogging [${REF}]`, references: null }).subject).toBe(`Re: Innlogging [${REF}]`);
  });

  it('keeps the subject to one line: a line break in the citizen\'s subject adds no header', () => {
    const threading = replyThreading(REF, 'en', { headerMessageId: '<c@x.no>', subject: 'Hello\r\nBcc: everyone@example.com', references: null });
    expect(threading.subject).toBe(`Re: Hello Bcc: everyone@example.com [${REF}]`);
    expect(threading.subject).not.toMatch(/[\r\n]/);
  });

  it('bounds References to the first mail and the newest ones', () => {
    const chain = Array.from({ length: 40 }, (_, i) => `<m${i}@x.no>`).join(' ');
    const threading = replyThreading(REF, 'nb', { headerMessageId: '<last@x.no>', subject: 'x', references: chain });
    const ids = threading.references!.split(' ');
    expect(ids).toHaveLength(MAX_REFERENCES);
    expect(ids[0]).toBe('<m0@x.no>');
    expect(ids.at(-1)).toBe('<last@x.no>');
    expect(ids.at(-2)).toBe('<m39@x.no>');
  });

  it('gives a ticket without inbound mail a subject in its language, with the reference', () => {
    expect(replyThreading(REF, 'nb', null)).toEqual({ subject: `Svar fra brukerstøtten [${REF}]`, inReplyTo: null, references: null });
    expect(replyThreading(REF, 'nn', null).subject).toBe(`Svar frå brukarstøtta [${REF}]`);
    expect(replyThreading(REF, 'en', null).subject).toBe(`Reply from user support [${REF}]`);
  });

  it('fills an empty subject of the citizen\'s mail', () => {
    expect(replyThreading(REF, 'en', { headerMessageId: '<c@x.no>', subject: '  ', references: null }).subject).toBe(`Re: Reply from user support [${REF}]`);
  });
});
