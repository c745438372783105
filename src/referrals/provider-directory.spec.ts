import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { LANGUAGES } from '../tickets/ticket.types';
import { PROVIDERS, ProviderDirectory, ProvidersFileError } from './provider-directory';
import { parseProvidersFile } from './providers-file';

const SEEDED_FILE = join(__dirname, '../../config/providers.json');
const directoryFrom = (providersFile: string) => new ProviderDirectory({ providersFile } as AppConfig);

describe('ProviderDirectory with the shipped providers file', () => {
  const directory = directoryFrom(SEEDED_FILE);

  it.each(PROVIDERS.flatMap((provider) => LANGUAGES.map((language) => [provider, language] as const)))(
    'refers to %s in %s with its name, phone number and web address',
    (provider, language) => {
      const contact = directory.get(provider);
      const text = directory.referralMessage(provider, language);
      expect(text).toContain(contact.name);
      expect(text).toContain(contact.phone);
      expect(text).toContain(contact.web[language]);
      if (contact.email) expect(text).toContain(contact.email);
      if (contact.contactForm) expect(text).toContain(contact.contactForm);
    },
  );

  it('writes bokmål, nynorsk and English that differ and read as such', () => {
    expect(directory.referralMessage('digipost', 'nb')).toBe(
      'Dette spørsmålet må du ta opp med Digipost, som er postkassen du har valgt. Du når kundeservice hos Digipost på telefon +47 22 03 00 00 eller e-post kundeservice@digipost.no. På https://www.digipost.no/hjelp/ finner du svar på vanlige spørsmål.',
    );
    expect(directory.referralMessage('e-boks', 'nn')).toBe(
      'Dette spørsmålet må du ta opp med e-Boks, som er postkassa du har valt. Du når kundeservice hos e-Boks på telefon +47 22 89 85 04. På https://brukersupport.e-boks.no/hc/en-us finn du svar på vanlege spørsmål og eit kontaktskjema.',
    );
    expect(directory.referralMessage('digipost', 'en')).toMatch(/^This is a question for Digipost, the digital mailbox you have chosen\./);
  });

  it('gives a structured card for pages', () => {
    expect(directory.referralCard('digipost', 'nb')).toEqual({
      name: 'Digipost',
      phone: '+47 22 03 00 00',
      email: 'kundeservice@digipost.no',
      web: 'https://www.digipost.no/hjelp/',
    });
    expect(directory.referralCard('e-boks', 'en')).toEqual({
      name: 'e-Boks',
      phone: '+47 22 89 85 04',
      contactForm: 'https://brukersupport.e-boks.no/hc/en-us',
      web: 'https://brukersupport.e-boks.no/hc/en-us',
    });
  });

  it('knows where to change provider and how to reach the desk', () => {
    expect(directory.changeMailboxUrl()).toBe('https://www.norge.no/nb/digital-borger/oppdater-kontaktinformasjon');
    expect(directory.desk()).toMatchObject({ email: 'brukerstotte@digdir.no', phone: '(+47) 800 30 300' });
  });
});

describe('a bad providers file', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'providers-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is refused at start with the file named and the problem stated', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"providers": {');
    expect(() => directoryFrom(file)).toThrow(ProvidersFileError);
    expect(() => directoryFrom(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\\n.*is not valid JSON`));
  });

  it('is refused when missing', () => {
    const file = join(dir, 'missing.json');
    expect(() => directoryFrom(file)).toThrow(/missing\.json[\s\S]*cannot be read/);
  });

  it('lists every problem in one go', () => {
    const text = JSON.stringify({
      providers: {
        digipost: { name: 'Digipost', phone: 'call us', web: 'http://www.digipost.no/hjelp/' },
        'e-boks': { phone: '+47 22 89 85 04', contactForm: 'https://brukersupport.e-boks.no/hc/en-us', web: 'https://brukersupport.e-boks.no/hc/en-us' },
        posten: {},
      },
      desk: { email: 'not-an-address', phone: '800 30 300', hours: { nb: 'mandag–fredag' } },
    });
    let error: ProvidersFileError | undefined;
    try {
      parseProvidersFile(text, '/etc/desk/providers.json');
    } catch (thrown) {
      error = thrown as ProvidersFileError;
    }
    expect(error).toBeInstanceOf(ProvidersFileError);
    expect(error!.message).toContain('/etc/desk/providers.json');
    expect(error!.problems).toEqual(
      expect.arrayContaining([
        'providers.digipost.phone "call us" is not a phone number',
        'providers.digipost.web "http://www.digipost.no/hjelp/" is not an https:// address',
        'providers.digipost needs an "email" or a "contactForm"',
        'providers.e-boks.name is missing',
        'providers.posten is not a known provider (digipost, e-boks)',
        'changeMailbox is missing',
        'desk.email "not-an-address" is not an e-mail address',
        'desk.hours.nn is missing',
        'desk.hours.en is missing',
      ]),
    );
  });
});
