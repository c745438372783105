import { maskContactsInText } from './privacy-audit';

describe('maskContactsInText', () => {
  it('keeps the reason readable but no identity number, e-mail address or phone number in it', () => {
    expect(maskContactsInText('Kari (kari.nordmann@example.no, +47 912 34 567, 17858500060) asked on 3 May')).toBe(
      'Kari ([e-post], [telefon], 178585*****) asked on 3 May',
    );
    expect(maskContactsInText('Request by letter of 2026-11-30 about DS-2026-000123; call 0047 91234567')).toBe('Request by letter of 2026-11-30 about DS-2026-000123; call [telefon]');
  });
});
