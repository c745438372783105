'use strict';

/**
 * A throwaway Dovecot IMAP server on a free loopback port, for the e-mail tests (through
 * dovecot.ts) and the mail benchmark: Debian's dovecot-imapd, one passwd-file user, a maildir in a
 * temporary directory, no TLS (facts: docs in shared/docs/mail-servers.md). Plain JavaScript so
 * that bench/ can use it too.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const { chmodSync, chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { createConnection, createServer } = require('node:net');
const { tmpdir, userInfo } = require('node:os');
const { join } = require('node:path');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const accepts = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Dovecot's own users when run as root (imap-login refuses to run as root); otherwise the current user for all. */
function accounts() {
  if (process.getuid?.() !== 0) {
    const me = userInfo();
    return { login: me.username, internal: me.username, uid: me.uid, gid: me.gid };
  }
  const uid = Number(execFileSync('id', ['-u', 'dovecot']).toString());
  const gid = Number(execFileSync('id', ['-g', 'dovecot']).toString());
  return { login: 'dovenull', internal: 'dovecot', uid, gid };
}

const configuration = (dir, port, users) => `
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
mail_max_userip_connections = 100
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

/** Starts Dovecot and resolves once it accepts connections. */
async function startDovecotServer({ user = 'desk', password = 'desk-test-password' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'desk-dovecot-'));
  chmodSync(dir, 0o711); // Dovecot's auth process reads the users file as its own user
  const users = accounts();
  const port = await freePort();
  mkdirSync(join(dir, 'mail'));
  chownSync(join(dir, 'mail'), users.uid, users.gid);
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}::::::\n`);
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(conf, configuration(dir, port, users));
  const logFile = join(dir, 'dovecot.log');
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');

  // It daemonizes: the command returns once the master runs in the background, which keeps the
  // descriptors it inherited; a pipe would stay open, so its errors go to a file.
  const errorsFile = join(dir, 'start-errors.txt');
  const errors = openSync(errorsFile, 'w');
  const started = spawnSync('dovecot', ['-c', conf], { stdio: ['ignore', 'ignore', errors], timeout: 15_000 });
  closeSync(errors);
  if (started.error?.code === 'ENOENT') throw new Error('Dovecot is not installed: apt-get install dovecot-imapd (the e-mail tests read a real IMAP server)');
  if (started.status !== 0) throw new Error(`dovecot did not start: ${readFileSync(errorsFile, 'utf8')} ${log()}`);
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (Date.now() > deadline) throw new Error(`dovecot is not listening on ${port}: ${log()}`);
    await sleep(20);
  }

  return {
    port,
    user,
    password,
    /** IMAP_URL for the desk. */
    url: (folder = 'INBOX') => `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(folder)}`,
    /** imapflow options for a client of the test's or the benchmark's own. */
    clientOptions: () => ({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false }),
    log,
    /** Drops every connection of the mail user (doveadm kick): what a server restart does to a client. */
    kick() {
      const kicked = spawnSync('doveadm', ['-c', conf, 'kick', user], { encoding: 'utf8', timeout: 15_000 });
      if (kicked.status !== 0) throw new Error(`doveadm kick failed: ${kicked.stderr}`);
    },
    async stop() {
      spawnSync('doveadm', ['-c', conf, 'stop'], { stdio: 'ignore', timeout: 15_000 });
      const pidFile = join(dir, 'run', 'master.pid');
      const until = Date.now() + 10_000;
      while ((existsSync(pidFile) || (await accepts(port))) && Date.now() < until) await sleep(20);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startDovecotServer };
