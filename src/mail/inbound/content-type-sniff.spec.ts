import { sanitizeFilename, sniffContentType } from './content-type-sniff';

describe('attachment type by content', () => {
  it('recognises the accepted types by their first bytes', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('image/png');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('image/gif');
    expect(sniffContentType(Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
    expect(sniffContentType(Buffer.from('Hei, her er loggen.\r\nLinje to\twith tab. Blåbær.\n'))).toBe('text/plain');
    expect(sniffContentType(Buffer.from('Bl\xe5b\xe6r', 'latin1'))).toBe('text/plain');
  });

  it('refuses what is none of them, whatever its name says', () => {
    expect(sniffContentType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeNull(); // Windows executable
    expect(sniffContentType(Buffer.from('PK\x03\x04\x14\x00', 'latin1'))).toBeNull(); // zip / docx
    expect(sniffContentType(Buffer.from('\x7fELF\x02\x01', 'latin1'))).toBeNull();
    expect(sniffContentType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
  });

  it('makes file names safe to store and offer', () => {
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFilename('C:\\Users\\ola\\skjema.pdf')).toBe('skjema.pdf');
    expect(sanitizeFilename('a"b\r\nContent-Type: x.pdf')).toBe('a_b_Content-Type_ x.pdf');
    expect(sanitizeFilename('.bashrc')).toBe('bashrc');
    expect(sanitizeFilename('')).toBe('vedlegg');
    expect(sanitizeFilename(undefined)).toBe('vedlegg');
    const long = sanitizeFilename(`${'ø'.repeat(300)}.pdf`);
    expect(long).toHaveLength(100);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
