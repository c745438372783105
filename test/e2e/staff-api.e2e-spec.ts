import { startTestApp, TestApp } from '../support/test-app';

describe('staff log-in, sessions and permissions', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp({ env: { RATE_LIMIT_LOGINS: '3' } });
  });

  afterAll(async () => {
    await desk.close();
  });

  it('logs in, tells who is logged in, and logs out', async () => {
    const staff = await desk.createStaff('agent', 'siri');
    const login = await desk.http().post('/api/auth/login').send({ username: staff.username, password: staff.password }).expect(200);
    expect(login.body).toEqual({
      user: { id: staff.id, username: staff.username, displayName: staff.displayName, role: 'agent' },
      csrfToken: expect.any(String),
    });
    const setCookie = (login.headers['set-cookie'] as unknown as string[])[0];
    expect(setCookie).toMatch(/^desk\.sid=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0];

    const me = await desk.http().get('/api/auth/me').set('cookie', cookie).expect(200);
    expect(me.body).toEqual({ user: login.body.user, csrfToken: login.body.csrfToken });

    await desk.http().post('/api/auth/logout').set('cookie', cookie).expect(403);
    await desk.http().post('/api/auth/logout').set('cookie', cookie).set('x-csrf-token', login.body.csrfToken).expect(204);
    const after = await desk.http().get('/api/auth/me').set('cookie', cookie).expect(401);
    expect(after.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('answers a wrong password with 401 and, after repeated failures, 429 even for the right one', async () => {
    const staff = await desk.createStaff('agent', 'lockme');
    for (let i = 0; i < 3; i += 1) {
      const wrong = await desk.http().post('/api/auth/login').send({ username: staff.username, password: 'wrong-password' }).expect(401);
      expect(wrong.body.error.code).toBe('UNAUTHENTICATED');
    }
    const limited = await desk.http().post('/api/auth/login').send({ username: staff.username, password: staff.password }).expect(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });

  it('refuses a malformed log-in with VALIDATION, not a 500', async () => {
    const bad = await desk.http().post('/api/auth/login').send({ username: 42 }).expect(400);
    expect(bad.body.error.code).toBe('VALIDATION');
    await desk.http().post('/api/auth/login').set('content-type', 'application/json').send('{"username": ').expect(400);
  });

  it('denies by default: staff routes need a session', async () => {
    for (const path of ['/api/tickets', '/api/auth/me', '/api/admin/users']) {
      const response = await desk.http().get(path).expect(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets only admins create staff accounts', async () => {
    const agent = await desk.login('agent');
    const denied = await desk
      .http()
      .post('/api/admin/users')
      .set('cookie', agent.cookie)
      .set('x-csrf-token', agent.csrfToken)
      .send({ username: 'newbie', displayName: 'New', password: 'long-enough-password', role: 'agent' })
      .expect(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');

    const supervisor = await desk.login('supervisor');
    await desk
      .http()
      .post('/api/admin/users')
      .set('cookie', supervisor.cookie)
      .set('x-csrf-token', supervisor.csrfToken)
      .send({ username: 'newbie', displayName: 'New', password: 'long-enough-password', role: 'agent' })
      .expect(403);

    const admin = await desk.login('admin');
    await desk
      .http()
      .post('/api/admin/users')
      .set('cookie', admin.cookie)
      .send({ username: 'newbie', displayName: 'New', password: 'long-enough-password', role: 'agent' })
      .expect(403);
    const created = await desk
      .http()
      .post('/api/admin/users')
      .set('cookie', admin.cookie)
      .set('x-csrf-token', admin.csrfToken)
      .send({ username: 'Newbie', displayName: 'New Agent', password: 'long-enough-password', role: 'agent' })
      .expect(201);
    expect(created.body.user).toMatchObject({ username: 'newbie', displayName: 'New Agent', role: 'agent' });
    expect(JSON.stringify(created.body)).not.toContain('long-enough-password');

    const duplicate = await desk
      .http()
      .post('/api/admin/users')
      .set('cookie', admin.cookie)
      .set('x-csrf-token', admin.csrfToken)
      .send({ username: 'newbie', displayName: 'Again', password: 'long-enough-password', role: 'agent' })
      .expect(409);
    expect(duplicate.body.error.code).toBe('CONFLICT');

    const invalid = await desk
      .http()
      .post('/api/admin/users')
      .set('cookie', admin.cookie)
      .set('x-csrf-token', admin.csrfToken)
      .send({ username: 'x y', displayName: '', password: 'short', role: 'root' })
      .expect(400);
    expect(invalid.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['displayName', 'password', 'role', 'username']);

    await desk.http().post('/api/auth/login').send({ username: 'newbie', password: 'long-enough-password' }).expect(200);
  });
});

describe('staff administration', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp();
  });

  afterAll(async () => {
    await desk.close();
  });

  it('lets an admin change a role, reset a password and disable an account, which ends its sessions', async () => {
    const admin = await desk.login('admin');
    const staff = await desk.createStaff('agent', 'per');
    const login = await desk.http().post('/api/auth/login').send({ username: staff.username, password: staff.password }).expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const patch = (body: object) =>
      desk.http().patch(`/api/admin/users/${staff.id}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send(body);

    expect((await patch({ role: 'supervisor', displayName: 'Per Supervisor' }).expect(200)).body.user).toMatchObject({ role: 'supervisor', displayName: 'Per Supervisor' });
    await patch({ password: 'a-brand-new-password' }).expect(200);
    await desk.http().post('/api/auth/login').send({ username: staff.username, password: staff.password }).expect(401);
    await desk.http().get('/api/auth/me').set('cookie', cookie).expect(401);
    const again = await desk.http().post('/api/auth/login').send({ username: staff.username, password: 'a-brand-new-password' }).expect(200);
    const newCookie = (again.headers['set-cookie'] as unknown as string[])[0].split(';')[0];

    await desk.http().get('/api/auth/me').set('cookie', newCookie).expect(200);
    expect((await patch({ disabled: true }).expect(200)).body.user).toMatchObject({ disabled: true, status: 'offline' });
    await desk.http().get('/api/auth/me').set('cookie', newCookie).expect(401);
    await desk.http().post('/api/auth/login').send({ username: staff.username, password: 'a-brand-new-password' }).expect(401);

    const list = await desk.http().get('/api/admin/users').set('cookie', admin.cookie).expect(200);
    expect(list.body.users.find((u: { id: string }) => u.id === staff.id)).toMatchObject({ disabled: true });
  });

  it('refuses nonsense, an unknown account, and an admin disabling themselves', async () => {
    const admin = await desk.login('admin');
    const patch = (id: string, body: object) => desk.http().patch(`/api/admin/users/${id}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send(body);
    expect((await patch(admin.id, { disabled: true }).expect(409)).body.error.code).toBe('CONFLICT');
    expect((await patch(admin.id, { role: 'agent' }).expect(409)).body.error.code).toBe('CONFLICT');
    expect((await patch(admin.id, {}).expect(400)).body.error.code).toBe('VALIDATION');
    expect((await patch(admin.id, { role: 'root', password: 'short' }).expect(400)).body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['password', 'role']);
    await patch('00000000-0000-4000-8000-000000000000', { disabled: true }).expect(404);
    await patch('not-a-uuid', { disabled: true }).expect(400);
    const agent = await desk.login('agent');
    await desk.http().patch(`/api/admin/users/${agent.id}`).set('cookie', agent.cookie).set('x-csrf-token', agent.csrfToken).send({ role: 'admin' }).expect(403);
  });
});

describe('public routes', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp({ now: '2026-04-02T10:00:00Z' });
  });

  afterAll(async () => {
    await desk.close();
  });

  it('answers /health', async () => {
    await desk.http().get('/health').expect(200, { status: 'ok' });
  });

  it('tells the opening hours: closed on Maundy Thursday, opening after Easter', async () => {
    const response = await desk.http().get('/api/opening-hours').expect(200);
    expect(response.body).toMatchObject({
      open: false,
      now: '2026-04-02T10:00:00.000Z',
      timezone: 'Europe/Oslo',
      reason: 'holiday',
      opensAt: '2026-04-07T07:00:00.000Z',
    });
    expect(response.body.holiday).toEqual(expect.any(String));
  });

  it('serves the OpenAPI document', async () => {
    const response = await desk.http().get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/contact', '/api/tickets', '/api/auth/login', '/api/opening-hours']));
  });

  it('takes an offline message as a ticket that agents can list and open', async () => {
    const created = await desk
      .http()
      .post('/api/contact')
      .send({ topic: 'id-porten', message: 'Jeg får ikke logget inn med MinID. Fnr 17858500060.', name: 'Kari', email: 'kari@example.no', nationalId: '17858500060' })
      .expect(201);
    expect(created.body).toEqual({ reference: expect.stringMatching(/^DS-2026-\d{6}$/) });

    const agent = await desk.login('agent');
    const list = await desk.http().get('/api/tickets?status=open').set('cookie', agent.cookie).expect(200);
    const item = list.body.items.find((t: { reference: string }) => t.reference === created.body.reference);
    expect(item).toMatchObject({ channel: 'web-form', topic: 'id-porten', status: 'open', nationalId: '178585*****', citizenName: 'Kari' });

    const ticket = await desk.http().get(`/api/tickets/${item.id}`).set('cookie', agent.cookie).expect(200);
    expect(ticket.body.messages[0].body).toBe('Jeg får ikke logget inn med MinID. Fnr 178585*****.');
    expect(ticket.body.contact).toEqual({ email: 'kari@example.no' });

    const patched = await desk
      .http()
      .patch(`/api/tickets/${item.id}`)
      .set('cookie', agent.cookie)
      .set('x-csrf-token', agent.csrfToken)
      .send({ status: 'closed', outcome: 'resolved' })
      .expect(200);
    expect(patched.body).toMatchObject({ status: 'closed', outcome: 'resolved' });
    const note = await desk
      .http()
      .post(`/api/tickets/${item.id}/notes`)
      .set('cookie', agent.cookie)
      .set('x-csrf-token', agent.csrfToken)
      .send({ body: 'Ringte tilbake.' })
      .expect(201);
    expect(note.body.note).toMatchObject({ body: 'Ringte tilbake.', authorName: agent.displayName });
    await desk.http().get('/api/tickets/not-a-uuid').set('cookie', agent.cookie).expect(404);
  });

  it('refuses a bad offline message with VALIDATION naming the fields, and stores nothing', async () => {
    const agent = await desk.login('agent');
    const before = (await desk.http().get('/api/tickets?limit=100').set('cookie', agent.cookie)).body.items.length;
    const response = await desk.http().post('/api/contact').send({ topic: 'x', message: '', email: 'not-an-email', nationalId: '12345678901' }).expect(400);
    expect(response.body.error.code).toBe('VALIDATION');
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['topic', 'message', 'email', 'nationalId']));
    const after = (await desk.http().get('/api/tickets?limit=100').set('cookie', agent.cookie)).body.items.length;
    expect(after).toBe(before);
  });

  it('pages through tickets with a cursor, each exactly once', async () => {
    for (let i = 0; i < 5; i += 1) {
      desk.clock.advance(1000);
      await desk.http().post('/api/contact').send({ topic: 'other', message: `Melding ${i}` }).expect(201);
    }
    const agent = await desk.login('agent');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await desk.http().get(`/api/tickets?limit=2${cursor ? `&cursor=${cursor}` : ''}`).set('cookie', agent.cookie).expect(200);
      seen.push(...page.body.items.map((t: { id: string }) => t.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });
});
