import { headerSafe, messageIdsIn, newMessageId, referenceInSubject, subjectWithReference } from './mail-headers';

describe('mail headers', () => {
  it('makes Message-IDs on the support domain, each different', () => {
    const a = newMessageId('brukerstotte@digdir.no');
    expect(a).toMatch(/^<[0-9a-f-]{36}@digdir\.no>$/);
    expect(newMessageId('brukerstotte@digdir.no')).not.toBe(a);
  });

  it('reads the Message-IDs of In-Reply-To and References, in order', () => {
    expect(messageIdsIn('<a@x.no> <b@y.no>\r\n <c@z.no>')).toEqual(['<a@x.no>', '<b@y.no>', '<c@z.no>']);
    expect(messageIdsIn(['<a@x.no>', '<b@y.no>'])).toEqual(['<a@x.no>', '<b@y.no>']);
    expect(messageIdsIn(undefined)).toEqual([]);
    expect(messageIdsIn('no ids here')).toEqual([]);
  });

  it('finds the ticket reference in a subject', () => {
    expect(referenceInSubject('SV: Re: Innlogging [DS-2026-000123]')).toBe('DS-2026-000123');
    expect(referenceInSubject('Saken DS-2026-000045 igjen')).toBe('DS-2026-000045');
    expect(referenceInSubject('DS-2026-12345 is too short')).toBeNull();
    expect(referenceInSubject(null)).toBeNull();
  });

  it('keeps a subject to one line: no header can be injected', () => {
    expect(headerSafe('Hei\r\nBcc: all@example.com')).toBe('Hei Bcc: all@example.com');
    expect(headerSafe('a\u2028b\u0000c')).toBe('a b c');
  });

  it('puts the reference in the subject once', () => {
    expect(subjectWithReference('Innlogging', 'DS-2026-000001')).toBe('Innlogging [DS-2026-000001]');
    expect(subjectWithReference('Re: Innlogging [DS-2026-000001]', 'DS-2026-000001')).toBe('Re: Innlogging [DS-2026-000001]');
    expect(subjectWithReference('x\r\nBcc: y', 'DS-2026-000001')).toBe('x Bcc: y [DS-2026-000001]');
  });
});
