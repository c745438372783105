import { StaffService } from '../../src/staff/staff.service';
import { ask, next, startTestApp, StaffLogin, TestApp } from '../support/test-app';

describe('the first admin', () => {
  it('must change a password the desk generated at the first log-in', async () => {
    const desk = await startTestApp();
    try {
      const first = await desk.app.get(StaffService).ensureFirstAdmin('boss');
      const login = await desk.http().post('/api/auth/login').send({ username: 'boss', password: first!.generatedPassword }).expect(200);
      expect(login.body.mustChangePassword).toBe(true);
      const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
      const refused = await desk.http().get('/api/admin/users').set('cookie', cookie).expect(403);
      expect(refused.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    } finally {
      await desk.close();
    }
  });
});

/** Issue 17, finding 13: a generated or reset password must be changed; sessions have an absolute end. */
describe('a password that must be changed', () => {
  let desk: TestApp;
  let admin: StaffLogin;

  beforeAll(async () => {
    desk = await startTestApp({ env: { RATE_LIMIT_LOGINS: '100' } });
    admin = await desk.login('admin');
  });

  afterAll(async () => {
    await desk.close();
  });

  const logIn = async (username: string, password: string): Promise<StaffLogin & { body: any }> => {
    const response = await desk.http().post('/api/auth/login').send({ username, password }).expect(200);
    const cookie = (response.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    return { id: response.body.user.id, username, displayName: response.body.user.displayName, cookie, csrfToken: response.body.csrfToken, body: response.body };
  };
  const changePassword = (login: StaffLogin, body: object) =>
    desk.http().post('/api/auth/password').set('cookie', login.cookie).set('x-csrf-token', login.csrfToken).send(body);

  /** An agent whose password an admin has just reset, logged in with it. */
  async function resetAgent(): Promise<{ username: string; login: StaffLogin & { body: any } }> {
    const staff = await desk.createStaff('agent', 'reset');
    await desk.http().patch(`/api/admin/users/${staff.id}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ password: 'temporary-password-1' }).expect(200);
    return { username: staff.username, login: await logIn(staff.username, 'temporary-password-1') };
  }

  it('after a reset, refuses every staff route but log-out, the own session and the change, and refuses the socket', async () => {
    const { login } = await resetAgent();
    expect(login.body.mustChangePassword).toBe(true);
    const refused = await desk.http().get('/api/tickets').set('cookie', login.cookie).expect(403);
    expect(refused.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await desk.http().get('/api/auth/me').set('cookie', login.cookie).expect(200);
    const page = await desk.http().get('/agent').set('cookie', login.cookie).set('accept', 'text/html').expect(303);
    expect(page.headers.location).toBe('/password');
    await expect(desk.agent(login)).rejects.toThrow('PASSWORD_CHANGE_REQUIRED');
    await desk.http().post('/api/auth/logout').set('cookie', login.cookie).set('x-csrf-token', login.csrfToken).expect(204);
  });

  it('takes the new password, ends the other sessions and keeps this one', async () => {
    const { username, login } = await resetAgent();
    const other = await logIn(username, 'temporary-password-1');

    const wrong = await changePassword(login, { currentPassword: 'not-the-password', newPassword: 'my-own-long-password' }).expect(400);
    expect(wrong.body.error.code).toBe('VALIDATION');
    const short = await changePassword(login, { currentPassword: 'temporary-password-1', newPassword: 'too-short' }).expect(400);
    expect(short.body.error.code).toBe('VALIDATION');
    const same = await changePassword(login, { currentPassword: 'temporary-password-1', newPassword: 'temporary-password-1' }).expect(400);
    expect(same.body.error.code).toBe('VALIDATION');

    await changePassword(login, { currentPassword: 'temporary-password-1', newPassword: 'my-own-long-password' }).expect(204);
    await desk.http().get('/api/tickets').set('cookie', login.cookie).expect(200);
    await desk.http().get('/api/auth/me').set('cookie', other.cookie).expect(401);
    const socket = await desk.agent(login);
    expect((await ask(socket, 'queue:list')).ok).toBe(true);
    await desk.http().post('/api/auth/login').send({ username, password: 'temporary-password-1' }).expect(401);
    expect((await logIn(username, 'my-own-long-password')).body.mustChangePassword).toBeUndefined();
  });
});

describe('the absolute lifetime of a staff session', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp({ env: { SESSION_MAX_HOURS: '12' } });
  });

  afterAll(async () => {
    await desk.close();
  });

  it('ends 12 hours after log-in however busy the session was, for HTTP and the socket', async () => {
    const agent = await desk.login('agent');
    const socket = await desk.agent(agent);
    for (let hour = 0; hour < 11; hour += 1) {
      desk.clock.advance(60 * 60 * 1000);
      await desk.http().get('/api/auth/me').set('cookie', agent.cookie).expect(200);
    }
    desk.clock.advance(59 * 60 * 1000);
    await desk.http().get('/api/auth/me').set('cookie', agent.cookie).expect(200);
    expect((await ask(socket, 'queue:list')).ok).toBe(true);

    desk.clock.advance(60 * 1000);
    await desk.http().get('/api/auth/me').set('cookie', agent.cookie).expect(401);
    const gone = next(socket, 'disconnect');
    socket.emit('queue:list', {}, () => undefined);
    await gone;
    await expect(desk.agent(agent)).rejects.toThrow('UNAUTHENTICATED');
  });
});

describe('guessing the current password through a session', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp({ env: { RATE_LIMIT_LOGINS: '2' } });
  });

  afterAll(async () => {
    await desk.close();
  });

  it('counts a wrong current password as a failed log-in', async () => {
    const agent = await desk.login('agent');
    const change = (currentPassword: string) =>
      desk.http().post('/api/auth/password').set('cookie', agent.cookie).set('x-csrf-token', agent.csrfToken).send({ currentPassword, newPassword: 'my-own-long-password' });
    expect((await change('guess-number-one').expect(400)).body.error.code).toBe('VALIDATION');
    expect((await change('guess-number-two').expect(400)).body.error.code).toBe('VALIDATION');
    expect((await change('guess-number-three').expect(429)).body.error.code).toBe('RATE_LIMITED');
  });
});
