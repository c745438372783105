import { startTestApp, StaffLogin, TestApp } from '../support/test-app';

const PATH = '/api/me/alert-preferences';
const ALL_ON = { sound: true, notifications: true, title: true };

describe("an agent's alert preferences (GET/PUT /api/me/alert-preferences)", () => {
  let desk: TestApp;
  let agent: StaffLogin;
  let colleague: StaffLogin;

  beforeAll(async () => {
    desk = await startTestApp();
    agent = await desk.login('agent');
    colleague = await desk.login('agent');
  });

  afterAll(async () => {
    await desk.close();
  });

  const read = (login: StaffLogin) => desk.http().get(PATH).set('cookie', login.cookie);
  const write = (login: StaffLogin, body: unknown) => desk.http().put(PATH).set('cookie', login.cookie).set('x-csrf-token', login.csrfToken).send(body as object);

  it('are all on for a new account', async () => {
    const answer = await read(agent).expect(200);
    expect(answer.body).toEqual({ preferences: ALL_ON });
  });

  it('are remembered on the account (a new session sees them) and leave other agents alone', async () => {
    const changed = await write(agent, { sound: false, notifications: true, title: false }).expect(200);
    expect(changed.body).toEqual({ preferences: { sound: false, notifications: true, title: false } });

    await expect(read(agent).then((r) => r.body)).resolves.toEqual({ preferences: { sound: false, notifications: true, title: false } });
    await expect(read(colleague).then((r) => r.body)).resolves.toEqual({ preferences: ALL_ON });

    const account = await desk.createStaff('supervisor');
    const first = await desk.http().post('/api/auth/login').send({ username: account.username, password: account.password }).expect(200);
    const firstLogin = { ...account, cookie: cookieOf(first), csrfToken: first.body.csrfToken };
    await write(firstLogin, { sound: true, notifications: false, title: true }).expect(200);
    const second = await desk.http().post('/api/auth/login').send({ username: account.username, password: account.password }).expect(200);
    await expect(desk.http().get(PATH).set('cookie', cookieOf(second)).then((r) => r.body)).resolves.toEqual({
      preferences: { sound: true, notifications: false, title: true },
    });
  });

  it.each([
    ['a field missing', { sound: true, notifications: true }],
    ['a string for a boolean', { sound: 'no', notifications: true, title: true }],
    ['an unknown field', { ...ALL_ON, volume: 11 }],
    ['no body at all', undefined],
  ])('refuses %s with 400 VALIDATION and changes nothing', async (_, body) => {
    const before = (await read(colleague)).body;
    const refused = await write(colleague, body).expect(400);
    expect(refused.body.error.code).toBe('VALIDATION');
    await expect(read(colleague).then((r) => r.body)).resolves.toEqual(before);
  });

  it('needs a session, and on a change the CSRF token', async () => {
    const anonymous = await desk.http().get(PATH).expect(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    const anonymousWrite = await desk.http().put(PATH).send(ALL_ON).expect(401);
    expect(anonymousWrite.body.error.code).toBe('UNAUTHENTICATED');

    const before = (await read(colleague)).body;
    const noToken = await desk.http().put(PATH).set('cookie', colleague.cookie).send({ sound: false, notifications: false, title: false }).expect(403);
    expect(noToken.body.error.code).toBe('FORBIDDEN');
    const wrongToken = await desk.http().put(PATH).set('cookie', colleague.cookie).set('x-csrf-token', agent.csrfToken).send({ sound: false, notifications: false, title: false }).expect(403);
    expect(wrongToken.body.error.code).toBe('FORBIDDEN');
    await expect(read(colleague).then((r) => r.body)).resolves.toEqual(before);
  });

  it('is refused until a required password change is done', async () => {
    const account = await desk.createStaff('agent');
    const admin = await desk.login('admin');
    await desk.http().patch(`/api/admin/users/${account.id}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ password: 'a-fresh-reset-password' }).expect(200);
    const login = await desk.http().post('/api/auth/login').send({ username: account.username, password: 'a-fresh-reset-password' }).expect(200);
    const refused = await desk.http().get(PATH).set('cookie', cookieOf(login)).expect(403);
    expect(refused.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});

function cookieOf(response: { headers: Record<string, unknown> }): string {
  return (response.headers['set-cookie'] as string[]).map((c) => c.split(';')[0]).join('; ');
}
