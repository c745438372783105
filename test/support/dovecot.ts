import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

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

const USER = 'desk';
const PASSWORD = 'desk-test-password';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/**
 * Dovecot's users when run as root (imap-login refuses to run as root); otherwise the current user
 * for all three.
 */
function accounts(): { login: string; internal: string; uid: number; gid: number } {
  if (process.getuid?.() !== 0) {
    const me = userInfo();
    return { login: me.username, internal: me.username, uid: me.uid, gid: me.gid };
  }
  const uid = Number(execFileSync('id', ['-u', 'dovecot']).toString());
  const gid = Number(execFileSync('id', ['-g', 'dovecot']).toString());
  return { login: 'dovenull', internal: 'dovecot', uid, gid };
}

function configuration(dir: string, port: number, users: ReturnType<typeof accounts>): string {
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = ${users.login}
default_internal_user = ${users.internal}
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = ${dir}/users
}
userdb {
  driver = passwd-file
  args = ${dir}/users
  default_fields = uid=${users.uid} gid=${users.gid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
}

/** A throwaway Dovecot on a free loopback port, with one user and a maildir in a temporary directory. */
export async function startDovecot(): Promise<TestMailbox> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-dovecot-'));
  chmodSync(dir, 0o711); // Dovecot's auth process reads the users file as its own user
  const users = accounts();
  const port = await freePort();
  mkdirSync(join(dir, 'mail'));
  chownSync(join(dir, 'mail'), users.uid, users.gid);
  writeFileSync(join(dir, 'users'), `${USER}:{PLAIN}${PASSWORD}::::::\n`);
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(conf, configuration(dir, port, users));
  const logFile = join(dir, 'dovecot.log');
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const launch = async () => {
    // It daemonizes: the command returns once the master runs in the background, which keeps the
    // descriptors it inherited; a pipe would stay open, so its errors go to a file.
    const errorsFile = join(dir, 'start-errors.txt');
    const errors = openSync(errorsFile, 'w');
    const started = spawnSync('dovecot', ['-c', conf], { stdio: ['ignore', 'ignore', errors], timeout: 15_000 });
    closeSync(errors);
    if (started.status !== 0) throw new Error(`dovecot did not start: ${readFileSync(errorsFile, 'utf8')} ${log()}`);
    const deadline = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (Date.now() > deadline) throw new Error(`dovecot is not listening on ${port}: ${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const halt = async () => {
    spawnSync('doveadm', ['-c', conf, 'stop'], { stdio: 'ignore', timeout: 15_000 });
    const pidFile = join(dir, 'run', 'master.pid');
    const deadline = Date.now() + 10_000;
    while ((existsSync(pidFile) || (await accepts(port))) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  await launch();
  const withClient = async <T>(work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: USER, pass: PASSWORD }, logger: false });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };

  return {
    url: `imap://${USER}:${PASSWORD}@127.0.0.1:${port}/INBOX`,
    log,
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
    kick() {
      const kicked = spawnSync('doveadm', ['-c', conf, 'kick', USER], { encoding: 'utf8', timeout: 15_000 });
      if (kicked.status !== 0) throw new Error(`doveadm kick failed: ${kicked.stderr}`);
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
