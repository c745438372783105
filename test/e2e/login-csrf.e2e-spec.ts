import { startTestApp, TestApp } from '../support/test-app';

/** Issue 17, finding 8: a page on another site cannot log a browser in (log-in CSRF). */
describe('the API takes JSON only, and log-in only from this site', () => {
  let desk: TestApp;
  let staff: { username: string; password: string };

  beforeAll(async () => {
    desk = await startTestApp({ env: { ALLOWED_ORIGINS: 'https://desk.example.no' } });
    const created = await desk.createStaff('agent', 'csrf');
    staff = { username: created.username, password: created.password };
  });

  afterAll(async () => {
    await desk.close();
  });

  it('refuses a cross-site form post to the log-in with 415 and sets no session', async () => {
    const response = await desk
      .http()
      .post('/api/auth/login')
      .set('origin', 'https://evil.example')
      .type('form')
      .send({ username: staff.username, password: staff.password })
      .expect(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('refuses bodies that are not JSON on every state-changing API route', async () => {
    const plain = await desk.http().post('/api/auth/login').set('content-type', 'text/plain').send(JSON.stringify(staff)).expect(415);
    expect(plain.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const contact = await desk.http().post('/api/contact').type('form').send({ topic: 'digital-mailbox', message: 'Hei, jeg trenger hjelp.' }).expect(415);
    expect(contact.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const multipart = await desk.http().post('/api/tickets').field('summary', 'x').expect(415);
    expect(multipart.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('still takes a state-changing request without a body (as the console logs out)', async () => {
    const login = await desk.http().post('/api/auth/login').send(staff).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    await desk.http().post('/api/auth/logout').set('cookie', cookie).set('x-csrf-token', login.body.csrfToken).set('content-length', '0').expect(204);
  });

  it('refuses a JSON log-in whose Origin or Referer is another site with 403', async () => {
    const byOrigin = await desk.http().post('/api/auth/login').set('origin', 'https://evil.example').send(staff).expect(403);
    expect(byOrigin.body.error.code).toBe('FORBIDDEN');
    expect(byOrigin.headers['set-cookie']).toBeUndefined();
    const byReferer = await desk.http().post('/api/auth/login').set('referer', 'https://evil.example/page').send(staff).expect(403);
    expect(byReferer.body.error.code).toBe('FORBIDDEN');
    await desk.http().post('/api/auth/login').set('origin', 'null').send(staff).expect(403);
  });

  it('lets this site, an allowed origin and clients without Origin or Referer log in', async () => {
    const host = new URL(desk.url).host;
    await desk.http().post('/api/auth/login').set('origin', desk.url).send(staff).expect(200);
    await desk.http().post('/api/auth/login').set('referer', `http://${host}/login?next=%2Fagent`).send(staff).expect(200);
    await desk.http().post('/api/auth/login').set('origin', 'https://desk.example.no').send(staff).expect(200);
    await desk.http().post('/api/auth/login').send(staff).expect(200);
    await desk.http().post('/api/auth/login').set('content-type', 'application/json; charset=utf-8').send(JSON.stringify(staff)).expect(200);
  });
});
