import { contentDisposition, safeFilename } from './attachment-download';

describe('an attachment\'s download name', () => {
  it('drops paths, control characters and quotes, and is never empty', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\ola\\brev.pdf')).toBe('brev.pdf');
    expect(safeFilename('a"b\r\nc.txt')).toBe('abc.txt');
    expect(safeFilename('...')).toBe('attachment');
    expect(safeFilename('.htaccess')).toBe('htaccess');
  });

  it('gives an ASCII name and the exact name in UTF-8 (RFC 6266)', () => {
    expect(contentDisposition('Søknad om støtte.pdf')).toBe(`attachment; filename="S_knad om st_tte.pdf"; filename*=UTF-8''S%C3%B8knad%20om%20st%C3%B8tte.pdf`);
    expect(contentDisposition("it's (1).txt")).toBe(`attachment; filename="it's (1).txt"; filename*=UTF-8''it%27s%20%281%29.txt`);
    expect(contentDisposition('100%;x\\y.txt')).toBe(`attachment; filename="y.txt"; filename*=UTF-8''y.txt`);
  });
});
