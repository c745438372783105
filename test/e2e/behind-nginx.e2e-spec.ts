import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { ask, startTestApp, TestApp, until, VALID_CHAT } from '../support/test-app';

/**
 * The README's nginx configuration (deploy/nginx-support-desk.conf) in front of the desk, with
 * TRUSTED_PROXIES=127.0.0.1. Each test client binds its own loopback source address (Linux routes
 * all of 127.0.0.0/8 to lo), so nginx sees a different peer per client and appends it to
 * X-Forwarded-For, as it would for citizens on the internet.
 */
const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const describeWithNginx = existsSync(NGINX) ? describe : describe.skip;
if (!existsSync(NGINX)) console.log(`nginx not found at ${NGINX}: the tests behind nginx are NOT run. Install it (apt-get install nginx-light) to run them.`);

const ROOT = join(__dirname, '../..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** nginx in the foreground, one process, on 127.0.0.1:<port>, every path in a temporary directory. */
async function startNginx(upstreamPort: number): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-nginx-'));
  const port = await freePort();
  const site = readFileSync(join(ROOT, 'deploy/nginx-support-desk.conf'), 'utf8')
    .replace(/^\s*server 127\.0\.0\.1:\d+[^;]*;\n/gm, '')
    .replace(/upstream support_desk \{/, `upstream support_desk {\n    server 127.0.0.1:${upstreamPort};`)
    .replace(/listen 8080;/, `listen 127.0.0.1:${port};`);
  writeFileSync(join(dir, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${dir}/${kind};`).join('\n');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;\nmaster_process off;\npid ${dir}/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n    access_log off;\n${temp}\n    include ${dir}/site.conf;\n}\n`,
  );
  const nginx: ChildProcess = spawn(NGINX, ['-p', dir, '-e', 'stderr', '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  nginx.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => nginx.once('exit', () => resolve()));
  const accepts = () =>
    new Promise<boolean>((resolve) => {
      const probe = createConnection({ host: '127.0.0.1', port }, () => resolve(probe.end() && true));
      probe.once('error', () => resolve(false));
    });
  await until(async () => {
    if (nginx.exitCode !== null) throw new Error(`nginx stopped: ${errors}`);
    return accepts();
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      nginx.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function citizenFrom(url: string, localAddress: string, forwardedFor?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    // engine.io-client passes localAddress on to the WebSocket (ws) it opens.
    const options = { transports: ['websocket'], reconnection: false, forceNew: true, localAddress, extraHeaders: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} };
    const socket = io(`${url}/citizen`, options as Parameters<typeof io>[1]);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function startChatFrom(url: string, localAddress: string, forwardedFor?: string): Promise<{ ok: boolean; error?: { code: string } }> {
  const socket = await citizenFrom(url, localAddress, forwardedFor);
  try {
    return await ask(socket, 'chat:start', VALID_CHAT);
  } finally {
    socket.disconnect();
  }
}

function logInFrom(url: string, localAddress: string, username: string, forwardedFor?: string): Promise<number> {
  const body = JSON.stringify({ username, password: 'wrong-password' });
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/api/auth/login`, {
      method: 'POST',
      localAddress,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    });
    req.once('response', (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode!));
    });
    req.once('error', reject);
    req.end(body);
  });
}

describeWithNginx('behind the example nginx configuration (TRUSTED_PROXIES=127.0.0.1)', () => {
  let desk: TestApp;
  let nginx: { url: string; stop(): Promise<void> };

  beforeEach(async () => {
    desk = await startTestApp({ env: { TRUSTED_PROXIES: '127.0.0.1', RATE_LIMIT_STARTS: '2', RATE_LIMIT_LOGINS: '1' } });
    nginx = await startNginx(Number(new URL(desk.url).port));
  });

  afterEach(async () => {
    await nginx.stop();
    await desk.close();
  });

  it('limits chat starts per citizen, not for everyone behind nginx', async () => {
    expect(await startChatFrom(nginx.url, '127.0.0.2')).toMatchObject({ ok: true });
    expect(await startChatFrom(nginx.url, '127.0.0.2')).toMatchObject({ ok: true });
    expect(await startChatFrom(nginx.url, '127.0.0.2')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await startChatFrom(nginx.url, '127.0.0.3')).toMatchObject({ ok: true });
  });

  it('ignores the X-Forwarded-For a citizen forges in front of nginx', async () => {
    expect(await startChatFrom(nginx.url, '127.0.0.4', '198.51.100.1')).toMatchObject({ ok: true });
    expect(await startChatFrom(nginx.url, '127.0.0.4', '198.51.100.2')).toMatchObject({ ok: true });
    expect(await startChatFrom(nginx.url, '127.0.0.4', '198.51.100.3')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('limits failed log-ins per real address over HTTP, whatever X-Forwarded-For says', async () => {
    // RATE_LIMIT_LOGINS=1: four failures per address in 15 minutes, each here for another user name.
    for (let i = 0; i < 4; i += 1) expect(await logInFrom(nginx.url, '127.0.0.5', `nobody${i}`, `203.0.113.${i}`)).toBe(401);
    expect(await logInFrom(nginx.url, '127.0.0.5', 'nobody9', '203.0.113.9')).toBe(429);
    expect(await logInFrom(nginx.url, '127.0.0.6', 'nobody10')).toBe(401);
  });
});
