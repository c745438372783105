import { io, type Socket } from 'socket.io-client';
import { buildDesk, type DeskProcess, startDesk, stopDesk } from '../support/desk-process';

/**
 * The whole ID-porten log-in against the built-in development provider. openid-client and
 * oidc-provider are ESM-only, which Jest's CommonJS runtime cannot load, so this runs the BUILT
 * server as a child process and drives it over HTTP like a browser would.
 */

const PERSON = '17858500060';

const servers: DeskProcess[] = [];
const sockets: Socket[] = [];

async function startServer(env: Record<string, string> = {}): Promise<DeskProcess> {
  const server = await startDesk(env);
  servers.push(server);
  return server;
}

/** A browser, as far as this flow needs one: cookies by hand, redirects one at a time. */
class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async get(url: string): Promise<Response> {
    return this.request(url, { method: 'GET' });
  }

  async postForm(url: string, fields: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Follows redirects until one points at a path of the desk's own pages (not /dev-idporten or /auth/idporten). */
  async followToApp(response: Response): Promise<Response> {
    let current = response;
    for (let hop = 0; hop < 10; hop += 1) {
      const location = current.headers.get('location');
      if (!location || current.status < 300 || current.status >= 400) return current;
      const next = new URL(location, this.base);
      if (!next.pathname.startsWith('/dev-idporten/') && !next.pathname.startsWith('/auth/idporten/')) return current;
      current = await this.get(next.href);
    }
    throw new Error('too many redirects');
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    const response = await fetch(new URL(url, this.base), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string> | undefined), cookie: this.cookieHeader },
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = setCookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
    return response;
  }
}

const location = (response: Response): string => {
  expect(response.status).toBeGreaterThanOrEqual(300);
  expect(response.status).toBeLessThan(400);
  return response.headers.get('location')!;
};

/** Starts a log-in and opens the development provider's page; returns the page's form actions. */
async function openLoginPage(browser: Browser, query: string): Promise<{ html: string; action: string; cancelAction: string; response: Response }> {
  const start = await browser.get(`/auth/idporten/login?${query}`);
  const toProvider = await browser.get(location(start));
  const page = await browser.get(location(toProvider));
  const html = await page.text();
  const actions = [...html.matchAll(/<form[^>]*method="post"[^>]*action="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  return { html, action: actions.find((a) => !a.endsWith('/cancel'))!, cancelAction: actions.find((a) => a.endsWith('/cancel'))!, response: page };
}

function connect(url: string, namespace: string, cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}${namespace}`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const ask = <T = any>(socket: Socket, event: string, payload: unknown = {}): Promise<T> =>
  socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;

describe('ID-porten log-in (built server, development provider)', () => {
  let server: DeskProcess;

  beforeAll(async () => {
    buildDesk();
    server = await startServer();
  }, 180_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await Promise.all(servers.map(stopDesk));
  }, 30_000);

  it('logs a citizen in at level high and marks the chat verified', async () => {
    const browser = new Browser(server.url);

    const start = await browser.get('/auth/idporten/login?returnTo=%2F%3Flang%3Dnn&level=high');
    const authorize = new URL(location(start));
    expect(authorize.origin + authorize.pathname).toBe(`${server.url}/dev-idporten/auth`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: expect.any(String),
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: `${server.url}/auth/idporten/callback`,
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
      state: expect.any(String),
      nonce: expect.any(String),
      acr_values: 'idporten-loa-high',
    });
    expect(browser.cookieHeader).toContain('desk.sid=');

    const toInteraction = await browser.get(authorize.href);
    const page = await browser.get(location(toInteraction));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain(PERSON);
    expect(html).not.toMatch(/<script|style=/);
    // Level high was asked for: MinID (substantial) is not offered.
    expect(html).toContain('value="high"');
    expect(html).not.toContain('value="substantial"');
    const action = html.match(/<form class="ds-card" method="post" action="([^"]+)"/)![1];

    const submitted = await browser.postForm(action, { pid: PERSON, typedPid: '', level: 'high' });
    expect(submitted.status).toBe(303);
    const landed = await browser.followToApp(submitted);
    expect(location(landed)).toBe('/?lang=nn');

    const me = await browser.get('/auth/idporten/me');
    const body = await me.json();
    expect(body).toEqual({ loggedIn: true, pid: '178585*****', acr: 'idporten-loa-high', amr: ['BankID'], authTime: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain(PERSON);

    const home = await (await browser.get('/?lang=nn')).text();
    expect(home).toContain('Du er logga inn med ID-porten som 178585*****.');
    expect(home).not.toContain(PERSON);

    const citizen = await connect(server.url, '/citizen', browser.cookieHeader);
    const started = await ask(citizen, 'chat:start', { topic: 'id-porten', message: 'Jeg får ikke logget inn med BankID.' });
    expect(started).toMatchObject({ ok: true, chat: { verified: true } });

    const logout = await browser.get('/auth/idporten/logout?returnTo=%2F');
    expect(location(logout)).toBe('/');
    expect(await (await browser.get('/auth/idporten/me')).json()).toEqual({ loggedIn: false });
  });

  it('verifies a chat that was started before the citizen logged in, when it is resumed after the log-in', async () => {
    const browser = new Browser(server.url);
    const before = await connect(server.url, '/citizen', browser.cookieHeader);
    const started = await ask(before, 'chat:start', { topic: 'digital-mailbox', message: 'Hvor er brevet mitt?' });
    expect(started).toMatchObject({ ok: true, chat: { verified: false } });
    before.disconnect();

    const { action } = await openLoginPage(browser, 'returnTo=/');
    await browser.followToApp(await browser.postForm(action, { pid: PERSON, typedPid: '', level: 'high' }));

    const after = await connect(server.url, '/citizen', browser.cookieHeader);
    const resumed = await ask(after, 'chat:resume', { token: started.token, afterSeq: 0 });
    expect(resumed).toMatchObject({ ok: true, chat: { id: started.chat.id, verified: true } });
    after.disconnect();
  });

  it('accepts a typed synthetic number at level substantial (MinID)', async () => {
    const browser = new Browser(server.url);
    const { html, action } = await openLoginPage(browser, 'returnTo=/');
    expect(html).toContain('value="substantial"');
    const landed = await browser.followToApp(await browser.postForm(action, { typedPid: '41819000032', level: 'substantial' }));
    expect(location(landed)).toBe('/');
    expect(await (await browser.get('/auth/idporten/me')).json()).toMatchObject({
      loggedIn: true,
      pid: '418190*****',
      acr: 'idporten-loa-substantial',
      amr: ['Minid-PIN'],
    });
  });

  it('shows a readable error for a typed number that is not valid, and lets the citizen try again', async () => {
    const browser = new Browser(server.url);
    const { action } = await openLoginPage(browser, 'returnTo=/');
    const refused = await browser.postForm(action, { typedPid: '17858500061', level: 'high' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('is not a valid national identity number');
    expect(html).toContain('value="17858500061"');
    expect(html).toContain('aria-invalid="true"');

    const landed = await browser.followToApp(await browser.postForm(action, { pid: PERSON, typedPid: '', level: 'high' }));
    expect(location(landed)).toBe('/');
  });

  it('comes back with login=failed when the citizen cancels', async () => {
    const browser = new Browser(server.url);
    const { cancelAction } = await openLoginPage(browser, 'returnTo=%2F%3Flang%3Den');
    const landed = await browser.followToApp(await browser.postForm(cancelAction, {}));
    expect(location(landed)).toBe('/?lang=en&login=failed');
    expect(await (await browser.get('/auth/idporten/me')).json()).toEqual({ loggedIn: false });
  });

  it('refuses a forged state with login=failed, never a 500', async () => {
    const browser = new Browser(server.url);
    const start = await browser.get('/auth/idporten/login?returnTo=/chat');
    const real = new URL(location(start)).searchParams.get('state');
    const forged = await browser.get(`/auth/idporten/callback?code=made-up&state=forged-${real}&iss=${encodeURIComponent(`${server.url}/dev-idporten`)}`);
    expect(forged.status).toBe(302);
    expect(location(forged)).toBe('/chat?login=failed');
    expect(await (await browser.get('/auth/idporten/me')).json()).toEqual({ loggedIn: false });

    // A callback with no log-in under way at all (no session).
    const stray = await new Browser(server.url).get('/auth/idporten/callback?code=x&state=y');
    expect(location(stray)).toBe('/?login=failed');
  });

  it('keeps returnTo on this site', async () => {
    const browser = new Browser(server.url);
    const { action } = await openLoginPage(browser, `returnTo=${encodeURIComponent('//evil.example/steal')}`);
    const landed = await browser.followToApp(await browser.postForm(action, { pid: PERSON, level: 'high' }));
    expect(location(landed)).toBe('/');
  });

  /** Ways out of the site the URL parser can be talked into: dot segments, encoded dots, backslashes, tabs. */
  const OFF_SITE_RETURNS = [
    'returnTo=/.//evil.example/phish',
    'returnTo=/a/..//evil.example',
    'returnTo=/%2e//evil.example',
    `returnTo=${encodeURIComponent('/%2e//evil.example')}`,
    `returnTo=${encodeURIComponent('/%2e%2e//evil.example')}`,
    `returnTo=${encodeURIComponent('/./\\evil.example')}`,
    `returnTo=${encodeURIComponent('/\t/evil.example')}`,
    'returnTo=%2F%5Cevil.example',
    'returnTo=/%2f%2fevil.example',
  ];

  const expectOnSite = (target: string) => {
    expect(target).toMatch(/^\/(?![/\\])/);
    expect(new URL(target, server.url).origin).toBe(server.url);
  };

  it.each(OFF_SITE_RETURNS)('keeps the log-out redirect on this site for %s', async (query) => {
    const logout = await new Browser(server.url).get(`/auth/idporten/logout?${query}`);
    expectOnSite(location(logout));
  });

  it.each(OFF_SITE_RETURNS)('keeps the redirect after a full log-in, and after a cancelled one, on this site for %s', async (query) => {
    const browser = new Browser(server.url);
    const { action } = await openLoginPage(browser, query);
    expectOnSite(location(await browser.followToApp(await browser.postForm(action, { pid: PERSON, level: 'high' }))));
    const cancelled = new Browser(server.url);
    const { cancelAction } = await openLoginPage(cancelled, query);
    expectOnSite(location(await cancelled.followToApp(await cancelled.postForm(cancelAction, {}))));
  });

  it('does not mount the development provider in production', async () => {
    const production = await startServer({ NODE_ENV: 'production', SESSION_SECRET: 'a-production-session-secret-of-enough-length' });
    const discovery = await fetch(`${production.url}/dev-idporten/.well-known/openid-configuration`, { redirect: 'manual' });
    expect(discovery.status).toBe(404);
    // Without IDPORTEN_ISSUER there is no log-in in production: a redirect back, not an error page.
    const start = await fetch(`${production.url}/auth/idporten/login?returnTo=/`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    expect(start.headers.get('location')).toBe('/?login=failed');
  }, 60_000);
});
