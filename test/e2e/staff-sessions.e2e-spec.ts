import type { Socket } from 'socket.io-client';
import { SessionMiddlewareProvider } from '../../src/auth/session-middleware.provider';
import { agentState, ask, next, startTestApp, StaffLogin, TestApp } from '../support/test-app';

/** Issue 17, finding 1: a staff member's sessions and sockets end when the account's rights change. */
describe('staff sessions end when the account changes', () => {
  let desk: TestApp;
  let admin: StaffLogin;

  beforeAll(async () => {
    desk = await startTestApp();
    admin = await desk.login('admin');
  });

  afterAll(async () => {
    await desk.close();
  });

  const patch = (id: string, body: object) =>
    desk.http().patch(`/api/admin/users/${id}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send(body).expect(200);
  const logIn = async (username: string, password: string): Promise<StaffLogin> => {
    const response = await desk.http().post('/api/auth/login').send({ username, password }).expect(200);
    const cookie = (response.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    return { id: response.body.user.id, username, displayName: response.body.user.displayName, cookie, csrfToken: response.body.csrfToken };
  };
  const disconnected = (socket: Socket) => next(socket, 'disconnect');

  it('disabling an account disconnects its sockets and ends its sessions', async () => {
    const agent = await desk.login('agent');
    const socket = await desk.agent(agent);
    expect((await ask(socket, 'queue:list')).ok).toBe(true);

    const gone = disconnected(socket);
    await patch(agent.id, { disabled: true });
    await gone;
    await desk.http().get('/api/auth/me').set('cookie', agent.cookie).expect(401);
    await expect(desk.agent(agent)).rejects.toThrow('UNAUTHENTICATED');
  });

  it('demoting a supervisor disconnects their sockets at once, and the new session has only the agent rights', async () => {
    const staff = await desk.createStaff('supervisor', 'demoted');
    const supervisor = await logIn(staff.username, staff.password);
    const socket = await desk.agent(supervisor);
    expect((await ask(socket, 'board:get')).ok).toBe(true);

    const gone = disconnected(socket);
    await patch(staff.id, { role: 'agent' });
    await gone;
    await desk.http().get('/api/auth/me').set('cookie', supervisor.cookie).expect(401);

    const again = await desk.agent(await logIn(staff.username, staff.password));
    const refused = await ask(again, 'board:get');
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('FORBIDDEN');
  });

  it('logging out disconnects the sockets of that session only', async () => {
    const staff = await desk.createStaff('agent', 'twotabs');
    const first = await logIn(staff.username, staff.password);
    const second = await logIn(staff.username, staff.password);
    const firstSocket = await desk.agent(first);
    const secondSocket = await desk.agent(second);

    const gone = disconnected(firstSocket);
    await desk.http().post('/api/auth/logout').set('cookie', first.cookie).set('x-csrf-token', first.csrfToken).expect(204);
    await gone;
    expect((await ask(secondSocket, 'queue:list')).ok).toBe(true);
    await desk.http().get('/api/auth/me').set('cookie', second.cookie).expect(200);
  });

  it('a password reset by an admin ends the old sessions and disconnects their sockets', async () => {
    const staff = await desk.createStaff('agent', 'reset');
    const before = await logIn(staff.username, staff.password);
    const socket = await desk.agent(before);

    const gone = disconnected(socket);
    await patch(staff.id, { password: 'a-brand-new-password' });
    await gone;
    await desk.http().get('/api/auth/me').set('cookie', before.cookie).expect(401);
  });

  it('re-reads the session within 30 s, so a session ended without reaching the socket still closes it', async () => {
    const agent = await desk.login('agent');
    const socket = await desk.agent(agent);
    await agentState(socket);
    // As if the disconnect of a revocation had been lost on its way through Redis.
    await desk.app.get(SessionMiddlewareProvider).store.destroyAllOf(agent.id);
    expect((await ask(socket, 'queue:list')).ok).toBe(true);

    desk.clock.advance(30_000);
    const gone = disconnected(socket);
    socket.emit('queue:list', {}, () => undefined);
    await gone;
  });

  it('also closes, within seconds, a socket that only listens once its session has ended unseen', async () => {
    const agent = await desk.login('agent');
    const socket = await desk.agent(agent);
    await agentState(socket);
    await desk.app.get(SessionMiddlewareProvider).store.destroyAllOf(agent.id);

    const gone = disconnected(socket);
    desk.clock.advance(30_000);
    await gone;
  });
});
