const TEXTS = {
  'error.generic': 'Noko gjekk gale',
  'error.code.CONFLICT': 'Dette let seg ikkje gjere no',
  'error.field.email': 'Skriv ei gyldig e-postadresse',
};

// page-data.js reads the page's embedded data when it is first imported.
function errorsFromOnPage(lang: string, exported = 'errorsInPageLanguage'): (error: unknown) => { field?: string; message: string }[] {
  const block = { textContent: JSON.stringify({ lang, texts: TEXTS }) };
  (globalThis as unknown as { document: unknown }).document = { getElementById: () => block };
  let errorsFrom!: (error: unknown) => { field?: string; message: string }[];
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    errorsFrom = require('./form-errors.js')[exported];
  });
  return errorsFrom;
}

describe('errorsInPageLanguage (what a citizen’s form shows for an error from the server)', () => {
  afterEach(() => {
    delete (globalThis as { document?: unknown }).document;
  });

  it('shows our own text for the code on a page in Norwegian, not the server’s English', () => {
    const errorsFrom = errorsFromOnPage('nn');
    expect(errorsFrom({ code: 'CONFLICT', message: 'This chat has ended' })).toEqual([{ message: 'Dette let seg ikkje gjere no' }]);
  });

  it('keeps the server’s message on a page in English, and for a code we have no text for', () => {
    expect(errorsFromOnPage('en')({ code: 'CONFLICT', message: 'This chat has ended' })).toEqual([{ message: 'This chat has ended' }]);
    expect(errorsFromOnPage('nb')({ code: 'TIMEOUT', message: 'Vi fikk ikke svar' })).toEqual([{ message: 'Vi fikk ikke svar' }]);
  });

  it('leaves staff pages the server’s exact words', () => {
    expect(errorsFromOnPage('nb', 'errorsFrom')({ code: 'CONFLICT', message: 'You already have this chat' })).toEqual([{ message: 'You already have this chat' }]);
  });

  it('puts validation details under their fields, in our words where we have them', () => {
    const errorsFrom = errorsFromOnPage('nn');
    const error = { code: 'VALIDATION', message: 'Invalid', details: [{ field: 'email', message: 'email must be an email' }, { field: 'note', message: 'note is too long' }] };
    expect(errorsFrom(error)).toEqual([
      { field: 'email', message: 'Skriv ei gyldig e-postadresse' },
      { field: 'note', message: 'note is too long' },
    ]);
  });
});
