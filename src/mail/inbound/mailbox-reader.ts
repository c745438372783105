import { Logger } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import type { ImapConfig } from '../../config/app-config';
import type { ImportOutcome } from './mail-importer';

/** Set on every mail the desk has dealt with (taken in, known already, or refused): never fetched again. */
export const TAKEN_KEYWORD = '$DeskImported';
/** Set besides TAKEN_KEYWORD on a mail the desk refused (the reason is in the log). */
export const REFUSED_KEYWORD = '$DeskRefused';

/** A mail whose import failed this many times (not refused: an error) is set aside as refused. */
const MAX_FAILURES = 3;
const MAX_BACKOFF_MS = 60_000;

export interface ReaderOptions {
  pollSeconds: number;
  maxMailBytes: number;
  importMail(source: Buffer, fetched: { truncatedFrom: number | null }): Promise<ImportOutcome>;
}

/**
 * Reads the support mailbox: on connecting, on every new mail the server announces (IDLE), and
 * every `pollSeconds` besides. Mails without TAKEN_KEYWORD are fetched one at a time (at most
 * `maxMailBytes` of each), imported, and only then marked on the server: a stop in between leaves
 * the mail unmarked, and the next read finds it known in the database. A dropped connection is
 * reopened with growing pauses.
 */
export class MailboxReader {
  private readonly logger = new Logger('Mailbox');
  private client: ImapFlow | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** The server announced mail while a round was running: the next round starts at once. */
  private news = false;
  private readonly failures = new Map<number, number>();

  constructor(
    private readonly imap: ImapConfig,
    private readonly options: ReaderOptions,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    this.client?.close();
    await this.loop;
  }

  private get where(): string {
    return `${this.imap.host}:${this.imap.port}/${this.imap.folder}`;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      const client = new ImapFlow({
        host: this.imap.host,
        port: this.imap.port,
        secure: this.imap.secure,
        auth: { user: this.imap.user, pass: this.imap.password },
        logger: false,
        maxIdleTime: this.options.pollSeconds * 1000,
      });
      client.on('error', (error: Error) => this.logger.warn(`IMAP ${this.where}: ${error.message}`));
      client.on('exists', () => {
        this.news = true;
        this.wake?.();
      });
      client.on('close', () => this.wake?.());
      this.client = client;
      try {
        await client.connect();
        const lock = await client.getMailboxLock(this.imap.folder);
        try {
          if (attempt > 0) this.logger.log(`IMAP ${this.where}: connected again`);
          attempt = 0;
          while (!this.stopped && client.usable) {
            await this.readNew(client);
            await this.nextRound(client);
          }
          if (!this.stopped) this.logger.warn(`IMAP ${this.where}: connection closed by the server; connecting again`);
        } finally {
          lock.release();
        }
      } catch (error) {
        if (!this.stopped) this.logger.warn(`IMAP ${this.where}: ${(error as Error).message}; trying again`);
      } finally {
        if (client.usable) await client.logout().catch(() => client.close());
        else client.close();
      }
      if (!this.stopped) await this.pause(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt++));
    }
  }

  /** Waits for news from the server (imapflow IDLEs meanwhile), the poll interval, or stop. */
  private nextRound(client: ImapFlow): Promise<void> {
    if (!client.usable || this.stopped || this.news) return Promise.resolve();
    return this.pause(this.options.pollSeconds * 1000);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async readNew(client: ImapFlow): Promise<void> {
    this.news = false;
    const uids = (await client.search({ unKeyword: TAKEN_KEYWORD }, { uid: true })) || [];
    for (const uid of uids) {
      if (this.stopped || !client.usable) return;
      await this.take(client, uid);
      // One mail at a time, with a turn of the event loop between: chats go on during a large import.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async take(client: ImapFlow, uid: number): Promise<void> {
    const meta = await client.fetchOne(uid, { size: true }, { uid: true });
    if (!meta) return;
    const size = meta.size ?? 0;
    const truncated = size > this.options.maxMailBytes;
    const fetched = await client.fetchOne(uid, { source: truncated ? { start: 0, maxLength: this.options.maxMailBytes } : true }, { uid: true });
    if (!fetched || !fetched.source) return;
    let outcome: ImportOutcome;
    try {
      outcome = await this.options.importMail(fetched.source, { truncatedFrom: truncated ? size : null });
    } catch (error) {
      const failures = (this.failures.get(uid) ?? 0) + 1;
      this.failures.set(uid, failures);
      this.logger.error(`Mail ${uid} in ${this.where} not taken in (attempt ${failures}): ${(error as Error).message}`);
      if (failures < MAX_FAILURES) return;
      this.logger.error(`Mail ${uid} in ${this.where} set aside as refused after ${failures} failed attempts`);
      outcome = { status: 'refused', reason: 'import failed' };
    }
    this.failures.delete(uid);
    const flags = outcome.status === 'refused' ? [TAKEN_KEYWORD, REFUSED_KEYWORD, '\\Seen'] : [TAKEN_KEYWORD, '\\Seen'];
    await client.messageFlagsAdd([uid], flags, { uid: true });
  }
}
