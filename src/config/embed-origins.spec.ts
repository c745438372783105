import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'desk-config-'));
const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };

describe('EMBED_ORIGINS', () => {
  it('allows no host site by default', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).embedOrigins).toEqual([]);
  });

  it('reads comma-separated exact origins, trimmed, each once', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), EMBED_ORIGINS: ' https://www.digdir.no,http://localhost:8080 , https://www.digdir.no' });
    expect(config.embedOrigins).toEqual(['https://www.digdir.no', 'http://localhost:8080']);
  });

  it.each([
    ['a trailing slash', 'https://www.digdir.no/'],
    ['a path', 'https://www.digdir.no/chat'],
    ['a wildcard', 'https://*.digdir.no'],
    ['no scheme', 'www.digdir.no'],
    ['another scheme', 'ftp://www.digdir.no'],
    ['a CSP keyword', "'self'"],
    ['a space inside', 'https://www.digdir.no https://evil.example'],
    ['a default port written out', 'https://www.digdir.no:443'],
    ['upper case', 'https://WWW.digdir.no'],
  ])('refuses an origin with %s, by name', (_what, value) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), EMBED_ORIGINS: value })).toThrow(/EMBED_ORIGINS/);
  });

  it('takes only https origins in production', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), ...production, EMBED_ORIGINS: 'https://www.digdir.no' }).embedOrigins).toEqual(['https://www.digdir.no']);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...production, EMBED_ORIGINS: 'http://www.digdir.no' })).toThrow(/EMBED_ORIGINS/);
  });
});
