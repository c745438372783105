'use strict';

/**
 * A throwaway Dovecot IMAP server on loopback, for the e-mail tests and the mail benchmark
 * (facts: shared/docs/mail-servers.md). Debian's dovecot-imapd, one passwd-file user, maildir in a
 * temporary directory, no TLS. Plain JavaScript so that bench/ (no TypeScript) can use it too.
 */
const { execFileSync } = require('node:child_process');
const { chmodSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync, existsSync, chownSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const DOVECOT = ['/usr/sbin/dovecot', 'dovecot'].find((bin) => bin.startsWith('/') ? existsSync(bin) : true);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const uidOf = (name) => {
  try {
    return Number(execFileSync('id', ['-u', name]).toString().trim());
  } catch {
    return null;
  }
};

/** Starts Dovecot; resolves once it accepts IMAP connections. */
async function startDovecot({ user = 'support', password = 'support-password' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'desk-dovecot-'));
  chmodSync(dir, 0o755); // Dovecot's own users read the passwd file and the mail in it
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const mailUid = asRoot ? uidOf('dovecot') : process.getuid();
  const mailGid = asRoot ? Number(execFileSync('id', ['-g', 'dovecot']).toString().trim()) : process.getgid();
  mkdirSync(join(dir, 'mail'));
  if (asRoot) chownSync(join(dir, 'mail'), mailUid, mailGid);
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}:${mailUid}:${mailGid}::${join(dir, 'mail', user)}::\n`);
  const config = [
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    `log_path = ${join(dir, 'dovecot.log')}`,
    'protocols = imap',
    `listen = 127.0.0.1`,
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    `mail_location = maildir:${join(dir, 'mail')}/%u`,
    'first_valid_uid = 1',
    'first_valid_gid = 1',
    ...(asRoot ? ['default_login_user = dovenull', 'default_internal_user = dovecot'] : [`default_login_user = ${process.env.USER ?? 'nobody'}`, `default_internal_user = ${process.env.USER ?? 'nobody'}`]),
    `passdb {\n  driver = passwd-file\n  args = ${join(dir, 'passwd')}\n}`,
    `userdb {\n  driver = passwd-file\n  args = ${join(dir, 'passwd')}\n}`,
    `service imap-login {\n  chroot =\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    'service anvil {\n  chroot =\n}',
    'service stats {\n  unix_listener stats-writer {\n    mode = 0666\n  }\n}',
    'mail_max_userip_connections = 100',
    'imap_idle_notify_interval = 1 secs',
  ].join('\n');
  writeFileSync(join(dir, 'dovecot.conf'), `${config}\n`);
  // Dovecot daemonizes: the child's pipes are not waited on (ignored).
  execFileSync(DOVECOT, ['-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  await waitForGreeting(port, join(dir, 'dovecot.log'));

  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    dir,
    /** IMAP_URL for the desk. */
    url: (folder = 'INBOX') => `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(folder)}`,
    /** imapflow options for a test's own client. */
    clientOptions: () => ({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false }),
    log: () => (existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      const pidFile = join(dir, 'run', 'master.pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').trim());
        try {
          process.kill(pid, 'SIGTERM');
          for (let i = 0; i < 100 && alive(pid); i += 1) await new Promise((r) => setTimeout(r, 50));
        } catch {
          /* already gone */
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForGreeting(port, logFile) {
  const { connect } = require('node:net');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const greeted = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
    });
    if (greeted) return;
    if (Date.now() > deadline) throw new Error(`Dovecot did not start on port ${port}: ${existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : 'no log'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

module.exports = { startDovecot };
