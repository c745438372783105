import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../config/load-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'desk-idporten-config-'));
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('ID-porten configuration', () => {
  it('has no client and a public URL from HOST and PORT by default', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), PORT: '4100' });
    expect(config.idporten).toBeUndefined();
    expect(config.publicUrl).toBe('http://127.0.0.1:4100');
  });

  it('reads the three client variables and PUBLIC_URL without a trailing slash', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      IDPORTEN_ISSUER: 'https://test.idporten.no/',
      IDPORTEN_CLIENT_ID: 'desk',
      IDPORTEN_CLIENT_SECRET: 's3cret',
      PUBLIC_URL: 'https://desk.example.no/',
    });
    expect(config.idporten).toEqual({ issuer: 'https://test.idporten.no', clientId: 'desk', clientSecret: 's3cret' });
    expect(config.publicUrl).toBe('https://desk.example.no');
  });

  it('lists the missing ones when only some are set', () => {
    const problems = problemsOf({ IDPORTEN_ISSUER: 'https://test.idporten.no' }).join('\n');
    expect(problems).toContain('IDPORTEN_CLIENT_ID');
    expect(problems).toContain('IDPORTEN_CLIENT_SECRET');
  });

  it('refuses a plain-http issuer in production and a bad PUBLIC_URL', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      IDPORTEN_ISSUER: 'http://idporten.local',
      IDPORTEN_CLIENT_ID: 'desk',
      IDPORTEN_CLIENT_SECRET: 's3cret',
      PUBLIC_URL: 'desk.example.no',
    }).join('\n');
    expect(problems).toContain('IDPORTEN_ISSUER');
    expect(problems).toContain('PUBLIC_URL');
  });
});
