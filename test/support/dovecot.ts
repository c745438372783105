import { ImapFlow } from 'imapflow';
import { startDovecotServer } from './dovecot-server';

export interface TestMailbox {
  /** IMAP_URL for the desk. */
  url: string;
  /** Puts a raw mail into INBOX; resolves with its UID. */
  append(raw: Buffer): Promise<number>;
  /** The flags and keywords of a mail. */
  flags(uid: number): Promise<Set<string>>;
  /** Every mail's UID and flags. */
  list(): Promise<{ uid: number; flags: Set<string> }[]>;
  /** The Dovecot log so far (for a failing test's message). */
  log(): string;
  /** Drops every connection of the mail user (doveadm kick): what a server restart does to a client. */
  kick(): void;
  stop(): Promise<void>;
}

/** A throwaway Dovecot on a free loopback port, with one user and a maildir in a temporary directory. */
export async function startDovecot(): Promise<TestMailbox> {
  const server = await startDovecotServer();
  const withClient = async <T>(work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow(server.clientOptions());
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };

  return {
    url: server.url('INBOX'),
    log: server.log,
    append: (raw) =>
      withClient(async (client) => {
        const appended = await client.append('INBOX', raw);
        if (!appended || !appended.uid) throw new Error('APPEND gave no UID');
        return appended.uid;
      }),
    flags: (uid) =>
      withClient(async (client) => {
        const lock = await client.getMailboxLock('INBOX');
        try {
          const message = await client.fetchOne(uid, { flags: true }, { uid: true });
          return message ? (message.flags ?? new Set()) : new Set();
        } finally {
          lock.release();
        }
      }),
    list: () =>
      withClient(async (client) => {
        const lock = await client.getMailboxLock('INBOX');
        try {
          const found: { uid: number; flags: Set<string> }[] = [];
          if ((client.mailbox && client.mailbox.exists) === 0) return found;
          for await (const message of client.fetch('1:*', { uid: true, flags: true })) found.push({ uid: message.uid, flags: message.flags ?? new Set() });
          return found;
        } finally {
          lock.release();
        }
      }),
    kick: () => server.kick(),
    stop: () => server.stop(),
  };
}
