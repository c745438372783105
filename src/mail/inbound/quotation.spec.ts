import { withoutTrailingQuotation } from './quotation';

describe('cutting the quoted earlier mail off a reply', () => {
  it('cuts a trailing quotation with its attribution line', () => {
    const reply = 'Takk, nå fungerer det.\n\nHilsen Ola\n\nDen tir. 24. nov. 2026 kl. 11:00 skrev Brukerstøtte <brukerstotte@digdir.no>:\n> Hei Ola,\n> prøv å logge inn på nytt.\n>\n';
    expect(withoutTrailingQuotation(reply)).toBe('Takk, nå fungerer det.\n\nHilsen Ola');
    expect(withoutTrailingQuotation('Thanks!\r\n\r\nOn Tue, 24 Nov 2026 at 11:00, Support <s@digdir.no> wrote:\r\n> Hello\r\n')).toBe('Thanks!');
  });

  it('knows the attribution lines of Gmail and Apple Mail in Norwegian', () => {
    expect(withoutTrailingQuotation('Takk!\n\nman. 24. nov. 2026 kl. 11:00 skreiv Brukerstøtte Digdir <brukerstotte@digdir.no>:\n> Hei\n')).toBe('Takk!');
    expect(withoutTrailingQuotation('Takk!\n\n24. nov. 2026 kl. 11:00 skrev Brukerstøtte <brukerstotte@digdir.no>:\n\n> Hei\n')).toBe('Takk!');
  });

  it('cuts an Outlook-style quotation', () => {
    expect(withoutTrailingQuotation('Det hjalp.\n\n-----Opprinnelig melding-----\nFra: Brukerstøtte\nEmne: Innlogging\n\nHei')).toBe('Det hjalp.');
  });

  it('keeps quotations between new text, and a text that is all quotation', () => {
    const interleaved = '> Hvilken nettleser?\nFirefox.\n> Hvilken versjon?\n133';
    expect(withoutTrailingQuotation(interleaved)).toBe(interleaved);
    expect(withoutTrailingQuotation('> bare sitat\n> her')).toBe('> bare sitat\n> her');
    expect(withoutTrailingQuotation('Ingen sitat her.')).toBe('Ingen sitat her.');
  });

  it('cuts a trailing quotation without attribution, keeping the line above it', () => {
    expect(withoutTrailingQuotation('Se svaret mitt.\nOla\n> gammel tekst')).toBe('Se svaret mitt.\nOla');
  });
});
