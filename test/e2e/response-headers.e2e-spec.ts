import { startTestApp, type TestApp, VALID_CHAT, ask } from '../support/test-app';

/**
 * Headers that keep personal data out of caches and give every script the same protection, and
 * the API documentation open to staff only in production.
 */
describe('response headers', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp();
  });

  afterAll(async () => {
    await desk.close();
  });

  it('marks every API response, staff page, transcript and the citizen page no-store', async () => {
    const supervisor = await desk.login('supervisor');
    const admin = await desk.login('admin');
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', VALID_CHAT);
    const asStaff = (path: string, login = supervisor) => desk.http().get(path).set('cookie', login.cookie);
    const responses = {
      'GET /api/tickets': await asStaff('/api/tickets'),
      [`GET /api/tickets/:id`]: await asStaff(`/api/tickets/${started.chat.id}`),
      'GET /api/history/export.csv': await asStaff('/api/history/export.csv'),
      'GET /api/auth/me': await asStaff('/api/auth/me'),
      'GET /api/admin/users': await asStaff('/api/admin/users', admin),
      'GET /api/tickets (no session, 401)': await desk.http().get('/api/tickets'),
      'GET /api/opening-hours': await desk.http().get('/api/opening-hours'),
      'GET /api/chats/:id/transcript': await desk.http().get(`/api/chats/${started.chat.id}/transcript`).set('x-chat-token', started.token),
      'GET /api/chats/:id/transcript?format=html': await desk.http().get(`/api/chats/${started.chat.id}/transcript?format=html`).set('x-chat-token', started.token),
      'GET /agent': await asStaff('/agent').set('accept', 'text/html'),
      'GET /agent/tickets': await asStaff('/agent/tickets').set('accept', 'text/html'),
      'GET /supervisor': await asStaff('/supervisor').set('accept', 'text/html'),
      'GET /supervisor/history': await asStaff('/supervisor/history').set('accept', 'text/html'),
      'GET /admin/staff': await asStaff('/admin/staff', admin).set('accept', 'text/html'),
      // The citizen page shows the masked identity of a citizen logged in with ID-porten.
      'GET /': await desk.http().get('/').set('accept', 'text/html'),
    };
    const cacheControl = Object.fromEntries(Object.entries(responses).map(([what, response]) => [what, `${response.status} ${response.headers['cache-control']}`]));
    expect(cacheControl).toEqual(Object.fromEntries(Object.entries(responses).map(([what, response]) => [what, `${response.status} no-store`])));
    expect(responses['GET /api/tickets'].status).toBe(200);
    expect(responses['GET /api/history/export.csv'].status).toBe(200);
    expect(responses['GET /api/chats/:id/transcript'].status).toBe(200);
  });

  it('keeps static assets cacheable', async () => {
    for (const path of ['/js/page/dom.js', '/vendor/designsystemet/css/index.css']) {
      const response = await desk.http().get(path);
      expect({ path, cacheControl: response.headers['cache-control'] }).toEqual({ path, cacheControl: expect.not.stringContaining('no-store') });
    }
  });

  it('serves every script the pages load with the security headers, the Socket.IO client included', async () => {
    const staff = await desk.login('admin');
    const pages = await Promise.all(['/', '/agent', '/supervisor'].map((path) => desk.http().get(path).set('cookie', staff.cookie).set('accept', 'text/html').expect(200)));
    const scripts = [...new Set(pages.flatMap((page) => [...page.text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1])))];
    expect(scripts.some((src) => src.includes('socket.io'))).toBe(true);
    for (const src of scripts) {
      const script = await desk.http().get(src).expect(200);
      expect({ src, nosniff: script.headers['x-content-type-options'], csp: script.headers['content-security-policy'] }).toEqual({
        src,
        nosniff: 'nosniff',
        csp: expect.stringContaining("default-src 'self'"),
      });
    }
  });

  it('does not serve the Socket.IO client from the socket path, where the security headers are not set', async () => {
    for (const path of ['/socket.io/socket.io.js', '/socket.io/socket.io.min.js']) {
      const response = await desk.http().get(path);
      expect({ path, status: response.status }).toEqual({ path, status: expect.not.stringMatching(/^2/) });
      expect(response.headers['content-type'] ?? '').not.toContain('javascript');
    }
  });

  it('keeps the API documentation public outside production', async () => {
    await desk.http().get('/api/docs/openapi.json').expect(200);
    await desk.http().get('/api/docs').set('accept', 'text/html').expect(200);
  });
});

describe('API documentation in production', () => {
  let desk: TestApp;
  // Behind TLS as in production: the session cookie is Secure, so requests say they came over HTTPS.
  const https = { 'x-forwarded-proto': 'https' };

  beforeAll(async () => {
    desk = await startTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 'a-production-session-secret-of-enough-length' } });
  });

  afterAll(async () => {
    await desk.close();
  });

  it('is refused without a staff session', async () => {
    for (const path of ['/api/docs/openapi.json', '/api/docs-yaml', '/api/docs-json']) {
      const response = await desk.http().get(path).set(https);
      expect({ path, status: response.status, code: response.body?.error?.code }).toEqual({ path, status: 401, code: 'UNAUTHENTICATED' });
    }
    const page = await desk.http().get('/api/docs').set(https).set('accept', 'text/html');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2Fapi%2Fdocs');
  });

  it('is served to a logged-in staff member', async () => {
    const staff = await desk.createStaff('agent');
    const login = await desk.http().post('/api/auth/login').set(https).send({ username: staff.username, password: staff.password }).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    const document = await desk.http().get('/api/docs/openapi.json').set(https).set('cookie', cookie).expect(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(document.headers['cache-control']).toBe('no-store');
    await desk.http().get('/api/docs').set(https).set('cookie', cookie).set('accept', 'text/html').expect(200);
  });
});
