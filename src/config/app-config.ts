import type { ClosedDates, WeeklySchedule } from '../opening-hours/schedule';

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'postgres'; url: string };

export type Routing = 'manual' | 'auto';

/** The support mailbox, read over IMAP (IMAP_URL). */
export interface ImapConfig {
  host: string;
  port: number;
  /** TLS from the start (imaps:); with imap: STARTTLS is used when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  folder: string;
}

export interface MailConfig {
  imap?: ImapConfig;
  /** SMTP_URL (smtp: or smtps:, with user and password); unset: see `outbound`. */
  smtpUrl?: string;
  /**
   * Where outgoing mail goes: an SMTP server; the development mailbox page (/dev/mail) when no
   * SMTP server is given outside production; nowhere in production without one (replies refused).
   */
  outbound: 'smtp' | 'dev-mailbox' | 'none';
  /** MAIL_FROM: the support address, as `Name <address>` or a bare address. */
  from: string;
  /** The bare address of `from`, lower case: mail from it is never taken in (no loops). */
  fromAddress: string;
  /** How often the mailbox is read when IDLE is not available or has gone quiet. */
  pollSeconds: number;
  /** At most this much of one mail is fetched; attachments beyond it are not kept. */
  maxMailBytes: number;
  maxAttachmentBytes: number;
}

/** Typed configuration. Built once by `loadConfig`; the only place that knows about process.env. */
export class AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  redisUrl?: string;
  sessionSecret: string;
  /** True when the secret was generated for this machine rather than given. */
  sessionSecretGenerated: boolean;
  adminUsername: string;
  adminPassword?: string;
  openingHours: { schedule: WeeklySchedule; timezone: string; closedDates: ClosedDates };
  fakeNow?: Date;
  krr?: { url: string; token?: string };
  idportenUsers?: { url: string; token?: string };
  /** Citizen log-in (OpenID Connect). Unset outside production: the built-in development provider plays ID-porten. */
  idporten?: { issuer: string; clientId: string; clientSecret: string };
  /** The address citizens' browsers use (no trailing slash); ID-porten redirects back to it. */
  publicUrl: string;
  registryFixture: string;
  /** Absolute path of the mailbox providers' contact details (configuration, not code: they change). */
  providersFile: string;
  retentionDays: number;
  routing: Routing;
  maxChatsPerAgent: number;
  /** How long an agent who went away or lost the connection keeps their chats before they are re-queued. */
  agentGraceSeconds: number;
  /** After closing time, how long queued chats can still be accepted before they become tickets. */
  queueDrainMinutes: number;
  /** A chat whose citizen has been gone, or silent while it is their turn, this long is warned (queued: abandoned). */
  chatIdleMinutes: number;
  /** After the warning, how long an idle chat stays open before it is closed as abandoned. */
  chatIdleGraceMinutes: number;
  /** New chats and offline messages allowed per address in 10 minutes. */
  rateLimitStarts: number;
  /** Log-in failures allowed per (user name, address) in 15 minutes (per name: 10× an hour; per address: 4×). */
  rateLimitLogins: number;
  /** Proxies (addresses, CIDRs, proxy-addr names) whose X-Forwarded-For is believed; empty: none, the TCP peer is the client. */
  trustedProxies: string[];
  /** Open Socket.IO connections allowed from one client address (on each instance). */
  maxSocketsPerAddress: number;
  /**
   * How long one history search (a page, or one chunk of an export) may take before it is
   * stopped and answered with QUERY_TOO_BROAD.
   */
  searchTimeBudgetMs: number;
  /** A staff session ends this long after log-in, whatever its rolling renewal does. */
  sessionMaxHours: number;
  mail: MailConfig;
  /** Origins allowed to open sockets besides the server's own host (browser Origin header). */
  allowedOrigins: string[];
  dataDir: string;

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}
