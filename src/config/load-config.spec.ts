import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'desk-config-'));

describe('loadConfig', () => {
  it('has the contract defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', nodeEnv: 'development', routing: 'manual', maxChatsPerAgent: 3, retentionDays: 365, adminUsername: 'admin', sessionMaxHours: 12 });
    expect(config.database).toEqual({ type: 'sqlite', path: expect.stringMatching(/data\/support-desk\.sqlite$/) });
    expect(config.openingHours.timezone).toBe('Europe/Oslo');
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('keeps the generated session secret between starts', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(loadConfig({ DATA_DIR: dir }).sessionSecret);
  });

  it('reads SESSION_MAX_HOURS and refuses one that is not a whole number of hours from 1 to a week', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), SESSION_MAX_HOURS: '8' }).sessionMaxHours).toBe(8);
    expect(() => loadConfig({ DATA_DIR: dataDir(), SESSION_MAX_HOURS: '0' })).toThrow(/SESSION_MAX_HOURS/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), SESSION_MAX_HOURS: 'forever' })).toThrow(/SESSION_MAX_HOURS/);
  });

  it('derives the hash keys from the session secret, one per use, unless NATIONAL_ID_HASH_KEY sets the tickets\' key', () => {
    const secret = { DATA_DIR: dataDir(), SESSION_SECRET: 's'.repeat(40) };
    const derived = loadConfig(secret);
    expect(derived.nationalIdHashKey).toMatch(/^[0-9a-f]{64}$/);
    expect(derived.auditSubjectKey).toMatch(/^[0-9a-f]{64}$/);
    expect(derived.nationalIdHashKey).not.toBe(derived.auditSubjectKey);
    expect(loadConfig(secret).nationalIdHashKey).toBe(derived.nationalIdHashKey);
    const explicit = loadConfig({ ...secret, NATIONAL_ID_HASH_KEY: 'k'.repeat(32) });
    expect(explicit.nationalIdHashKey).toBe('k'.repeat(32));
    expect(explicit.auditSubjectKey).toBe(derived.auditSubjectKey);
    expect(() => loadConfig({ ...secret, NATIONAL_ID_HASH_KEY: 'short' })).toThrow(/NATIONAL_ID_HASH_KEY/);
  });

  it('lists every bad variable at once, by name', () => {
    try {
      loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', ROUTING: 'random', OPENING_HOURS: 'mon-fri 9-15', TIMEZONE: 'Mars/Olympus', DATABASE_URL: 'mysql://x', FAKE_NOW: 'yesterday' });
      throw new Error('should have failed');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'ROUTING', 'OPENING_HOURS', 'TIMEZONE', 'DATABASE_URL', 'FAKE_NOW']) expect(text).toContain(name);
    }
  });

  it('refuses production without SESSION_SECRET, and ignores FAKE_NOW there', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    const config = loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), FAKE_NOW: '2026-01-01T10:00:00Z' });
    expect(config.fakeNow).toBeUndefined();
  });

  it('reads the history search time budget, 3 s by default', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).searchTimeBudgetMs).toBe(3000);
    expect(loadConfig({ DATA_DIR: dataDir(), SEARCH_TIME_BUDGET_MS: '250' }).searchTimeBudgetMs).toBe(250);
    expect(() => loadConfig({ DATA_DIR: dataDir(), SEARCH_TIME_BUDGET_MS: 'soon' })).toThrow(/SEARCH_TIME_BUDGET_MS/);
  });

  it('reads FAKE_NOW and a PostgreSQL URL', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), FAKE_NOW: '2026-11-24T10:00:00Z', DATABASE_URL: 'postgres://u:p@localhost:5432/desk' });
    expect(config.fakeNow?.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://u:p@localhost:5432/desk', poolSize: 20 });
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u:p@localhost:5432/desk', DATABASE_POOL_SIZE: '40' }).database).toMatchObject({ poolSize: 40 });
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_POOL_SIZE: '1' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('trusts no proxy by default and reads TRUSTED_PROXIES as addresses, CIDRs and names', () => {
    expect(loadConfig({ DATA_DIR: dataDir() })).toMatchObject({ trustedProxies: [], maxSocketsPerAddress: 50 });
    const config = loadConfig({ DATA_DIR: dataDir(), TRUSTED_PROXIES: ' 10.0.0.5, 192.168.0.0/16,fd00::/8 ,::1,loopback', MAX_SOCKETS_PER_ADDRESS: '8' });
    expect(config).toMatchObject({ trustedProxies: ['10.0.0.5', '192.168.0.0/16', 'fd00::/8', '::1', 'loopback'], maxSocketsPerAddress: 8 });
  });

  it.each(['nginx', '10.0.0.0/33', '300.1.1.1', '10.0.0.1;10.0.0.2'])('refuses TRUSTED_PROXIES=%s at start', (value) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES/);
  });

  it('keeps outgoing mail in the development mailbox without SMTP_URL, and sends none in production without it', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).mail).toMatchObject({ outbound: 'dev-mailbox', fromAddress: 'brukerstotte@digdir.no', imap: undefined, pollSeconds: 60 });
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).mail.outbound).toBe('none');
    expect(loadConfig({ DATA_DIR: dataDir(), SMTP_URL: 'smtps://desk:secret@smtp.example:465' }).mail).toMatchObject({ outbound: 'smtp', smtpUrl: 'smtps://desk:secret@smtp.example:465' });
  });

  it('reads IMAP_URL as host, port, TLS, user, password and folder', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), IMAP_URL: 'imaps://support%40digdir.no:p%C3%A5ss@imap.example/Brukerst%C3%B8tte' }).mail.imap).toEqual({
      host: 'imap.example',
      port: 993,
      secure: true,
      user: 'support@digdir.no',
      password: 'påss',
      folder: 'Brukerstøtte',
    });
    expect(loadConfig({ DATA_DIR: dataDir(), IMAP_URL: 'imap://desk:pw@127.0.0.1:1143' }).mail.imap).toMatchObject({ port: 1143, secure: false, folder: 'INBOX' });
  });

  it.each([
    ['IMAP_URL', 'imap://imap.example'],
    ['IMAP_URL', 'https://imap.example'],
    ['SMTP_URL', 'http://smtp.example'],
    ['MAIL_FROM', 'not an address'],
    ['MAIL_FROM', 'Support <a@b.no>\r\nBcc: x@y.no'],
  ])('refuses %s=%s at start', (name, value) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), [name]: value })).toThrow(new RegExp(name));
  });
});
