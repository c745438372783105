import { Logger } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import type { ImapConfig } from '../../config/app-config';
import type { ImportOutcome } from './mail-importer';

export const TAKEN_KEYWORD = '$DeskImported';
export const REFUSED_KEYWORD = '$DeskRefused';

const MAX_FAILURES = 3;
const MAX_BACKOFF_MS = 60_000;
const BATCH = 50;
const BATCH_BYTES = 32 * 1024 * 1024;

export interface ReaderOptions {
  pollSeconds: number;
  maxMailBytes: number;
  importMail(source: Buffer, fetched: { truncatedFrom: number | null }): Promise<ImportOutcome>;
}

// Marked on the server only after the import: a stop in between leaves mails the next read finds known.
export class MailboxReader {
  private readonly logger = new Logger('Mailbox');
  private client: ImapFlow | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
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
    for (let first = 0; first < uids.length; first += BATCH) {
      if (this.stopped || !client.usable) return;
      await this.takeBatch(client, uids.slice(first, first + BATCH));
    }
  }

  // One at a time, in mailbox order: an answer never overtakes its mail; chats come first (bench/README.md).
  private async takeBatch(client: ImapFlow, uids: number[]): Promise<void> {
    const metas = await client.fetchAll(uids, { uid: true, size: true }, { uid: true });
    const sources = await this.fetchSources(client, metas);
    const outcomes: { uid: number; outcome: ImportOutcome | null }[] = [];
    for (const { uid } of metas) {
      const fetched = sources.get(uid);
      if (!fetched || this.stopped) continue;
      outcomes.push({ uid, outcome: await this.importOne(uid, fetched.source, fetched.truncatedFrom) });
    }
    const taken = outcomes.filter((o) => o.outcome && o.outcome.status !== 'refused').map((o) => o.uid);
    const refused = outcomes.filter((o) => o.outcome?.status === 'refused').map((o) => o.uid);
    if (taken.length > 0) await client.messageFlagsAdd(taken, [TAKEN_KEYWORD, '\\Seen'], { uid: true });
    if (refused.length > 0) await client.messageFlagsAdd(refused, [TAKEN_KEYWORD, REFUSED_KEYWORD, '\\Seen'], { uid: true });
  }

  private async fetchSources(client: ImapFlow, metas: { uid: number; size?: number }[]): Promise<Map<number, { source: Buffer; truncatedFrom: number | null }>> {
    const sources = new Map<number, { source: Buffer; truncatedFrom: number | null }>();
    let group: number[] = [];
    let bytes = 0;
    const flush = async () => {
      if (group.length === 0) return;
      for (const mail of await client.fetchAll(group, { uid: true, source: true }, { uid: true })) {
        if (mail.source) sources.set(mail.uid, { source: mail.source, truncatedFrom: null });
      }
      group = [];
      bytes = 0;
    };
    for (const meta of metas) {
      const size = meta.size ?? 0;
      if (size > this.options.maxMailBytes) {
        const cut = await client.fetchOne(meta.uid, { source: { start: 0, maxLength: this.options.maxMailBytes } }, { uid: true });
        if (cut && cut.source) sources.set(meta.uid, { source: cut.source, truncatedFrom: size });
        continue;
      }
      if (bytes + size > BATCH_BYTES) await flush();
      group.push(meta.uid);
      bytes += size;
    }
    await flush();
    return sources;
  }

  private async importOne(uid: number, source: Buffer, truncatedFrom: number | null): Promise<ImportOutcome | null> {
    try {
      const outcome = await this.options.importMail(source, { truncatedFrom });
      this.failures.delete(uid);
      return outcome;
    } catch (error) {
      const failures = (this.failures.get(uid) ?? 0) + 1;
      this.failures.set(uid, failures);
      this.logger.error(`Mail ${uid} in ${this.where} not taken in (attempt ${failures}): ${(error as Error).message}`);
      if (failures < MAX_FAILURES) return null;
      this.logger.error(`Mail ${uid} in ${this.where} set aside as refused after ${failures} failed attempts`);
      this.failures.delete(uid);
      return { status: 'refused', reason: 'import failed' };
    }
  }
}
