import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseTrustedProxies } from '../common/client-address';
import { parseClosedDates, parseWeeklySchedule } from '../opening-hours/schedule';
import { AppConfig, DatabaseConfig, ImapConfig, MailConfig, Routing } from './app-config';
import { deriveKey } from './national-id-hash';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

// Collects all problems before failing, so an operator fixes them in one go.
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const reader = new EnvReader(env, problems);
  const config = new AppConfig();

  config.nodeEnv = reader.oneOf('NODE_ENV', ['development', 'production', 'test'], 'development');
  config.port = reader.integer('PORT', 3000, 0, 65535);
  config.host = reader.string('HOST', '127.0.0.1');
  config.dataDir = resolve(reader.string('DATA_DIR', 'data'));
  config.database = parseDatabaseUrl(reader.string('DATABASE_URL', 'sqlite:data/support-desk.sqlite'), reader.integer('DATABASE_POOL_SIZE', 20, 2, 500), problems);
  config.redisUrl = reader.optionalUrl('REDIS_URL', ['redis:', 'rediss:']);
  config.adminUsername = reader.string('ADMIN_USERNAME', 'admin');
  config.adminPassword = env.ADMIN_PASSWORD || undefined;
  if (config.adminPassword !== undefined && config.adminPassword.length < 12) {
    problems.push('ADMIN_PASSWORD must have at least 12 characters');
  }

  const timezone = reader.string('TIMEZONE', 'Europe/Oslo');
  if (!isValidTimeZone(timezone)) problems.push(`TIMEZONE "${timezone}" is not an IANA time zone`);
  const schedule = reader.parsed('OPENING_HOURS', 'mon-fri 09:00-15:00', parseWeeklySchedule);
  const closedDates = reader.parsed('CLOSED_DATES', '12-24,12-31', parseClosedDates);
  config.openingHours = { schedule: schedule!, timezone, closedDates: closedDates! };

  const fakeNow = env.FAKE_NOW;
  if (fakeNow) {
    const instant = new Date(fakeNow);
    if (Number.isNaN(instant.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(fakeNow)) {
      problems.push(`FAKE_NOW "${fakeNow}" is not an ISO 8601 instant (e.g. 2026-11-24T10:00:00Z)`);
    } else if (config.nodeEnv !== 'production') {
      config.fakeNow = instant;
    }
  }

  const krrUrl = reader.optionalUrl('KRR_URL', ['http:', 'https:']);
  config.krr = krrUrl ? { url: krrUrl, token: env.KRR_TOKEN } : undefined;
  const usersUrl = reader.optionalUrl('IDPORTEN_USERS_URL', ['http:', 'https:']);
  config.idportenUsers = usersUrl ? { url: usersUrl, token: env.IDPORTEN_USERS_TOKEN } : undefined;
  config.idporten = readIdporten(env, reader, problems, config.nodeEnv === 'production');
  config.publicUrl = reader.optionalUrl('PUBLIC_URL', ['http:', 'https:']) ?? defaultPublicUrl(config.host, config.port);
  config.registryFixture = resolve(reader.string('REGISTRY_FIXTURE', 'data/registry.sample.json'));
  config.providersFile = resolve(reader.string('PROVIDERS_FILE', 'config/providers.json'));
  config.retentionDays = reader.integer('RETENTION_DAYS', 365, 1, 36500);
  config.routing = reader.oneOf<Routing>('ROUTING', ['manual', 'auto'], 'manual');
  config.maxChatsPerAgent = reader.integer('MAX_CHATS_PER_AGENT', 3, 1, 50);
  config.agentGraceSeconds = reader.integer('AGENT_GRACE_SECONDS', 120, 0, 3600);
  config.queueDrainMinutes = reader.integer('QUEUE_DRAIN_MINUTES', 30, 0, 24 * 60);
  config.chatIdleMinutes = reader.integer('CHAT_IDLE_MINUTES', 10, 1, 24 * 60);
  config.chatIdleGraceMinutes = reader.integer('CHAT_IDLE_GRACE_MINUTES', 2, 0, 24 * 60);
  config.rateLimitStarts = reader.integer('RATE_LIMIT_STARTS', 10, 1, 1_000_000);
  config.rateLimitLogins = reader.integer('RATE_LIMIT_LOGINS', 5, 1, 1_000_000);
  config.trustedProxies = reader.parsed('TRUSTED_PROXIES', '', parseTrustedProxies) ?? [];
  config.maxSocketsPerAddress = reader.integer('MAX_SOCKETS_PER_ADDRESS', 50, 1, 1_000_000);
  config.searchTimeBudgetMs = reader.integer('SEARCH_TIME_BUDGET_MS', 3000, 1, 600_000);
  config.sessionMaxHours = reader.integer('SESSION_MAX_HOURS', 12, 1, 24 * 7);
  config.mail = readMail(env, reader, problems, config.nodeEnv === 'production');
  config.allowedOrigins = reader
    .string('ALLOWED_ORIGINS', '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  config.embedOrigins = readEmbedOrigins(reader.string('EMBED_ORIGINS', ''), problems, config.nodeEnv === 'production');

  const secret = env.SESSION_SECRET;
  if (secret) {
    if (secret.length < 32) problems.push('SESSION_SECRET must have at least 32 characters');
    config.sessionSecret = secret;
    config.sessionSecretGenerated = false;
  } else if (config.nodeEnv === 'production') {
    problems.push('SESSION_SECRET is required when NODE_ENV=production');
  } else {
    config.sessionSecret = readOrCreateSecret(join(config.dataDir, '.session-secret'));
    config.sessionSecretGenerated = true;
  }
  if (config.sessionSecret) {
    config.auditSubjectKey = deriveKey(config.sessionSecret, 'audit-subject');
    config.erasureTokenKey = deriveKey(config.sessionSecret, 'privacy-erasure');
    const hashKey = env.NATIONAL_ID_HASH_KEY;
    if (hashKey && hashKey.length < 32) problems.push('NATIONAL_ID_HASH_KEY must have at least 32 characters');
    config.nationalIdHashKey = hashKey || deriveKey(config.sessionSecret, 'ticket-national-id');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readIdporten(env: Env, reader: EnvReader, problems: string[], production: boolean): AppConfig['idporten'] {
  const names = ['IDPORTEN_ISSUER', 'IDPORTEN_CLIENT_ID', 'IDPORTEN_CLIENT_SECRET'] as const;
  const missing = names.filter((name) => !env[name]);
  if (missing.length === names.length) return undefined;
  if (missing.length > 0) {
    problems.push(`${names.join(', ')} go together: ${missing.join(', ')} missing`);
    return undefined;
  }
  const issuer = reader.optionalUrl('IDPORTEN_ISSUER', production ? ['https:'] : ['http:', 'https:']);
  return issuer ? { issuer, clientId: env.IDPORTEN_CLIENT_ID!, clientSecret: env.IDPORTEN_CLIENT_SECRET! } : undefined;
}

function readMail(env: Env, reader: EnvReader, problems: string[], production: boolean): MailConfig {
  const from = reader.string('MAIL_FROM', 'Brukerstøtte Digdir <brukerstotte@digdir.no>');
  const fromAddress = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from)?.[1] ?? (/^[^<>\s@]+@[^<>\s@]+$/.test(from.trim()) ? from.trim() : null);
  if (!fromAddress || /[\r\n]/.test(from)) problems.push(`MAIL_FROM must be an address or "Name <address>", got "${from}"`);
  const smtpUrl = reader.optionalUrl('SMTP_URL', ['smtp:', 'smtps:']);
  return {
    imap: parseImapUrl(reader.optionalUrl('IMAP_URL', ['imap:', 'imaps:']), problems),
    smtpUrl,
    outbound: smtpUrl ? 'smtp' : production ? 'none' : 'dev-mailbox',
    from,
    fromAddress: (fromAddress ?? '').toLowerCase(),
    pollSeconds: reader.integer('MAIL_POLL_SECONDS', 60, 1, 3600),
    maxMailBytes: reader.integer('MAIL_MAX_BYTES', 25 * 1024 * 1024, 64 * 1024, 200 * 1024 * 1024),
    maxAttachmentBytes: reader.integer('MAIL_MAX_ATTACHMENT_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  };
}

// Exact origins: each lands in a CSP frame-ancestors list and is compared as a string with a browser's origin.
function readEmbedOrigins(raw: string, problems: string[], production: boolean): string[] {
  const origins = raw.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    let exact = false;
    try {
      const url = new URL(origin);
      const plainHost = /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname);
      exact = url.origin === origin && plainHost && (url.protocol === 'https:' || (!production && url.protocol === 'http:'));
    } catch {
      exact = false;
    }
    if (!exact) problems.push(`EMBED_ORIGINS: "${origin}" is not an exact ${production ? 'https' : 'http(s)'} origin such as https://www.example.no`);
  }
  return [...new Set(origins)];
}

// User and password URL-encoded.
function parseImapUrl(raw: string | undefined, problems: string[]): ImapConfig | undefined {
  if (!raw) return undefined;
  const url = new URL(raw);
  const secure = url.protocol === 'imaps:';
  if (!url.username || !url.password) {
    problems.push('IMAP_URL needs a user and a password: imaps://user:password@host/INBOX');
    return undefined;
  }
  const folder = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    folder,
  };
}

function defaultPublicUrl(host: string, port: number): string {
  const browsable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${browsable.includes(':') ? `[${browsable}]` : browsable}:${port}`;
}

function parseDatabaseUrl(url: string, poolSize: number, problems: string[]): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) problems.push('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:data/support-desk.sqlite');
    return { type: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { type: 'postgres', url, poolSize };
  problems.push('DATABASE_URL must be sqlite:<path> or postgres://user:pass@host:port/db');
  return { type: 'sqlite', path: '' };
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  string(name: string, fallback: string): string {
    const value = this.env[name];
    return value === undefined || value === '' ? fallback : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!allowed.includes(raw as T)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return raw as T;
  }

  optionalUrl(name: string, protocols: string[]): string | undefined {
    const raw = this.env[name];
    if (!raw) return undefined;
    try {
      const url = new URL(raw);
      if (!protocols.includes(url.protocol)) throw new Error('protocol');
      return raw.replace(/\/$/, '');
    } catch {
      this.problems.push(`${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      return undefined;
    }
  }

  parsed<T>(name: string, fallback: string, parse: (text: string) => T): T | undefined {
    const raw = this.string(name, fallback);
    try {
      return parse(raw);
    } catch (error) {
      this.problems.push(`${name}: ${(error as Error).message}`);
      return undefined;
    }
  }
}
