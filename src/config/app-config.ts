import type { ClosedDates, WeeklySchedule } from '../opening-hours/schedule';

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  // poolSize: connections per instance, besides the one of the chat message thread.
  | { type: 'postgres'; url: string; poolSize: number };

export type Routing = 'manual' | 'auto';

export interface ImapConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  folder: string;
}

export interface MailConfig {
  imap?: ImapConfig;
  smtpUrl?: string;
  outbound: 'smtp' | 'dev-mailbox' | 'none';
  from: string;
  // Mail from it is never taken in (no loops).
  fromAddress: string;
  pollSeconds: number;
  maxMailBytes: number;
  maxAttachmentBytes: number;
}

// The only place that knows about process.env.
export class AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  redisUrl?: string;
  sessionSecret: string;
  sessionSecretGenerated: boolean;
  /** Keys the audit log's subject hash (derived from the session secret). */
  auditSubjectKey: string;
  /** Keys tickets' national_id_hash: NATIONAL_ID_HASH_KEY, else derived from the session secret. */
  nationalIdHashKey: string;
  /** Signs the confirmations of the privacy page's erasures (derived from the session secret). */
  erasureTokenKey: string;
  adminUsername: string;
  adminPassword?: string;
  openingHours: { schedule: WeeklySchedule; timezone: string; closedDates: ClosedDates };
  fakeNow?: Date;
  krr?: { url: string; token?: string };
  idportenUsers?: { url: string; token?: string };
  idporten?: { issuer: string; clientId: string; clientSecret: string };
  publicUrl: string;
  registryFixture: string;
  providersFile: string;
  retentionDays: number;
  routing: Routing;
  maxChatsPerAgent: number;
  agentGraceSeconds: number;
  queueDrainMinutes: number;
  // Gone, or silent while it is their turn, this long: warned (queued: abandoned); closed after the grace.
  chatIdleMinutes: number;
  chatIdleGraceMinutes: number;
  rateLimitStarts: number;
  rateLimitLogins: number;
  trustedProxies: string[];
  // Per instance.
  maxSocketsPerAddress: number;
  searchTimeBudgetMs: number;
  // Whatever the rolling renewal does.
  sessionMaxHours: number;
  mail: MailConfig;
  allowedOrigins: string[];
  /** EMBED_ORIGINS: host sites allowed to embed the chat widget (frame-ancestors of its frame, postMessage partners). */
  embedOrigins: string[];
  dataDir: string;

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}
