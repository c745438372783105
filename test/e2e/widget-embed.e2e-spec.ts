import { WidgetLoginCodes } from '../../src/widget/widget-login-code';
import { ask, startTestApp, type TestApp, VALID_CHAT } from '../support/test-app';

const HOST = 'https://www.digdir.example';
const PERSON = { pid: '17858500060', acr: 'idporten-loa-high', amr: ['BankID'], authTime: null };
const frameAncestors = (csp: string | undefined) => /frame-ancestors ([^;]*)/.exec(csp ?? '')?.[1];

/** The widget's routes: who may frame what, the loader's headers, and the log-in hand-over. */
describe('embedded chat widget (HTTP)', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp({ env: { EMBED_ORIGINS: `${HOST},http://localhost:8081` } });
  });

  afterAll(async () => {
    await desk.close();
  });

  it("lets 'self' and EMBED_ORIGINS frame the widget's frame, and no one frame anything else", async () => {
    const frame = await desk.http().get('/widget/frame').query({ host: HOST, locale: 'en' }).set('accept', 'text/html').expect(200);
    expect(frameAncestors(frame.headers['content-security-policy'])).toBe(`'self' ${HOST} http://localhost:8081`);
    expect(frame.headers['x-frame-options']).toBeUndefined();
    expect(frame.headers['cache-control']).toBe('no-store');
    expect(frame.text).toContain('<html lang="en"');
    expect(frame.text).toContain('/js/widget/frame.js');
    expect(frame.text).toContain('/js/citizen/main.js');
    expect(frame.text).toContain(`"embed":{"host":"${HOST}"}`);

    const others = ['/', '/login', '/widget/logged-in', '/widget.js', '/api/opening-hours', '/js/citizen/main.js', '/widget/frame/x'];
    for (const path of others) {
      const response = await desk.http().get(path).set('accept', 'text/html');
      expect([path, frameAncestors(response.headers['content-security-policy'])]).toEqual([path, "'none'"]);
    }
    expect((await desk.http().get('/').set('accept', 'text/html')).headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('serves the frame for the desk itself (its own demo page) as host', async () => {
    await desk.http().get('/widget/frame').query({ host: desk.url }).set('accept', 'text/html').expect(200);
  });

  it.each([
    ['a site not listed', 'https://evil.example'],
    ['a listed site with a path', `${HOST}/page`],
    ['a listed site with another port', 'http://localhost:8082'],
    ['no host at all', undefined],
    ['a list of hosts', [HOST, 'https://evil.example']],
  ])('refuses the frame to %s (403)', async (_what, host) => {
    const response = await desk.http().get('/widget/frame').query(host === undefined ? {} : { host }).set('accept', 'text/html');
    expect(response.status).toBe(403);
    expect(response.text).not.toContain('/js/widget/frame.js');
  });

  it('serves the loader as a script other sites may load, small and setting no cookie', async () => {
    const loader = await desk.http().get('/widget.js').expect(200);
    expect(loader.headers['content-type']).toMatch(/^text\/javascript/);
    expect(loader.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(loader.headers['set-cookie']).toBeUndefined();
    expect(Buffer.byteLength(loader.text)).toBeLessThanOrEqual(10 * 1024);
    // Everywhere else resources stay same-origin.
    expect((await desk.http().get('/js/page/dom.js')).headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('ends the log-in popup without a code when nobody logged in, keeping its opener (COOP unsafe-none)', async () => {
    const page = await desk.http().get('/widget/logged-in').query({ lang: 'nb' }).set('accept', 'text/html').expect(200);
    expect(page.headers['cross-origin-opener-policy']).toBe('unsafe-none');
    expect(page.text).toContain('"login":null');
    expect((await desk.http().get('/').set('accept', 'text/html')).headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it("verifies the frame's chat with the popup's code, and refuses a forged, expired or misused one", async () => {
    const codes = desk.app.get(WidgetLoginCodes);
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', VALID_CHAT);
    const code = codes.issue(PERSON);
    expect(code).not.toContain(PERSON.pid);

    const forged = `${code.slice(0, -4)}AAAA`;
    await desk.http().post('/api/widget/verify').send({ token: started.token, code: forged }).expect(401);
    await desk.http().post('/api/widget/verify').send({ token: 'not-a-token', code }).expect(401);
    await desk.http().post('/api/widget/verify').send({ token: started.token }).expect(400);
    await desk.http().post('/api/widget/verify').set('content-type', 'text/plain').send(JSON.stringify({ token: started.token, code })).expect(415);

    const verified = await desk.http().post('/api/widget/verify').send({ token: started.token, code }).expect(200);
    expect(verified.body).toEqual({ verified: true });
    const supervisor = await desk.login('supervisor');
    const ticket = await desk.http().get(`/api/tickets/${started.chat.id}`).set('cookie', supervisor.cookie).expect(200);
    expect(ticket.body).toMatchObject({ verified: true });

    const other = await ask(await desk.citizen(), 'chat:start', VALID_CHAT);
    desk.clock.advance(61 * 60 * 1000);
    await desk.http().post('/api/widget/verify').send({ token: other.token, code }).expect(401);
  });

  it('refuses log-in codes from an address that keeps trying, even a valid one, with 429 RATE_LIMITED', async () => {
    const fresh = await startTestApp();
    try {
      const started = await ask(await fresh.citizen(), 'chat:start', VALID_CHAT);
      const code = fresh.app.get(WidgetLoginCodes).issue(PERSON);
      for (let i = 0; i < 20; i += 1) await fresh.http().post('/api/widget/verify').send({ token: started.token, code: `${code.slice(0, -4)}AAAA` }).expect(401);
      const refused = await fresh.http().post('/api/widget/verify').send({ token: started.token, code }).expect(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await fresh.close();
    }
  });
});
