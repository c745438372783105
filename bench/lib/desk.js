'use strict';

const path = require('node:path');
const { mkdirSync, mkdtempSync, rmSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { randomBytes, createHash } = require('node:crypto');
const { startServer } = require('./server-process');
const { mapLimit } = require('./sockets');

const ROOT = path.join(__dirname, '..', '..');
/** A Tuesday inside opening hours (11:00 in Oslo): chats are accepted. */
const OPEN_INSTANT = '2026-11-24T10:00:00Z';

/**
 * The desk's environment for a run: SQLite in a fresh temporary directory, or the given
 * DATABASE_URL / REDIS_URL (PostgreSQL + Redis) passed straight through.
 */
function deskEnvironment({ keep = false } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-bench-'));
  if (!keep) process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const admin = {
    username: process.env.ADMIN_USERNAME || 'admin',
    password: process.env.ADMIN_PASSWORD || `bench-${randomBytes(9).toString('base64url')}`,
  };
  const env = {
    NODE_ENV: 'development', // production ignores FAKE_NOW (the bench must run inside opening hours)
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.DATABASE_URL || `sqlite:${path.join(dataDir, 'desk.sqlite')}`,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    FAKE_NOW: process.env.FAKE_NOW || OPEN_INSTANT,
    RATE_LIMIT_STARTS: '1000000',
    RATE_LIMIT_LOGINS: '1000000',
    // Every simulated citizen and agent connects from this one machine.
    MAX_SOCKETS_PER_ADDRESS: '1000000',
    ADMIN_USERNAME: admin.username,
    ADMIN_PASSWORD: admin.password,
    REGISTRY_FIXTURE: path.join(ROOT, 'data/registry.sample.json'),
    PROVIDERS_FILE: path.join(ROOT, 'config/providers.json'),
  };
  return { dataDir, env, admin, keep };
}

/** The V8 flags `npm start` gives the desk (package.json): the bench runs the desk, and the relay, with them. */
const START_FLAGS = require('../../package.json').scripts.start.split(' ').filter((word) => word.startsWith('--'));
/** More flags for one run of the desk or the relay, e.g. `DESK_NODE_ARGS=--trace-gc-nvp` (bench/README.md). */
const extraFlags = (variable) => (process.env[variable] ?? '').split(' ').filter(Boolean);

/** Starts `node dist/main.js` as a child process (with the flags of `npm start`) and waits for GET /health. */
async function startDesk({ keep = false, environment = deskEnvironment({ keep }) } = {}) {
  const { dataDir, env, admin } = environment;
  const server = await startServer({
    label: 'desk',
    script: path.join(ROOT, 'dist/main.js'),
    cwd: ROOT,
    env,
    nodeArgs: ['--expose-gc', ...START_FLAGS, ...extraFlags('DESK_NODE_ARGS')],
    logFile: path.join(dataDir, 'desk.log'),
  });
  server.dataDir = dataDir;
  server.database = env.DATABASE_URL.startsWith('sqlite:') ? 'SQLite' : 'PostgreSQL';
  server.redis = Boolean(env.REDIS_URL);
  server.admin = admin;
  const stop = server.stop.bind(server);
  server.stop = async () => {
    await stop();
    if (!environment.keep) rmSync(dataDir, { recursive: true, force: true });
  };
  return server;
}

/** POST /api/auth/login: the session cookie and CSRF token. */
async function login(url, username, password) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`log-in as ${username}: HTTP ${response.status} ${await response.text()}`);
  const body = await response.json();
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { username, id: body.user.id, cookie, csrfToken: body.csrfToken };
}

/** A staff API call with the session cookie (and the CSRF token on writes). */
async function staffRequest(url, session, method, route, body) {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * Creates `count` agent accounts with POST /api/admin/users and logs each in. Passwords are hashed
 * with argon2id (64 MiB, 3 passes) on the server, so this costs ~0.25 s of CPU per account and
 * per log-in; `concurrency` matches libuv's 4 threads.
 */
async function createAgents(url, admin, count, { concurrency = 4, prefix = `bench${Date.now().toString(36)}` } = {}) {
  const names = Array.from({ length: count }, (_, i) => `${prefix}a${i + 1}`);
  const password = `bench-agent-${randomBytes(6).toString('hex')}`;
  return mapLimit(names, concurrency, async (username, i) => {
    await staffRequest(url, admin, 'POST', '/api/admin/users', { username, displayName: `Agent ${i + 1}`, password, role: 'agent' });
    return login(url, username, password);
  });
}

/** The baseline: `bench/relay-server.js`, bare Socket.IO with the desk's namespaces and events, on the same runtime flags. */
function startRelay() {
  const nodeArgs = ['--expose-gc', ...START_FLAGS, ...extraFlags('RELAY_NODE_ARGS')];
  return startServer({ label: 'relay', script: path.join(ROOT, 'bench', 'relay-server.js'), nodeArgs, logFile: process.env.RELAY_LOG });
}

/** Where a profile goes: `--profile-dir`, or bench/profiles, named `<name>-<time>.<ext>`. */
function profilePath(options, name, ext = 'cpuprofile') {
  const dir = options.profileDir || path.join(ROOT, 'bench', 'profiles');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.${ext}`);
}

module.exports = { deskEnvironment, startDesk, startRelay, profilePath, buildInfo, login, staffRequest, createAgents, ROOT };

/** Which build of the desk ran: newest file time in dist/ and a hash of every compiled .js file. */
function buildInfo() {
  const dist = path.join(ROOT, 'dist');
  const hash = createHash('sha256');
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.js')) {
        hash.update(entry.name).update(readFileSync(file));
        newest = Math.max(newest, statSync(file).mtimeMs);
      }
    }
  };
  walk(dist);
  return { builtAt: new Date(newest).toISOString(), hash: hash.digest('hex').slice(0, 12) };
}
