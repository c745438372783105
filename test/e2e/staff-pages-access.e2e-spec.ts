import { ask, startTestApp, TestApp, VALID_CHAT } from '../support/test-app';

describe('who may open which staff page', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp();
  });

  afterAll(async () => {
    await desk.close();
  });

  it('gives an agent 403 on every supervisor and admin page, sends strangers to log in, and lets supervisors in', async () => {
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', VALID_CHAT);
    const pages = ['/supervisor', '/supervisor/replies', '/supervisor/history', '/supervisor/metrics', '/supervisor/privacy', `/supervisor/chats/${started.chat.id}`];
    const agent = await desk.login('agent');
    const supervisor = await desk.login('supervisor');

    for (const path of [...pages, '/admin/staff']) {
      const denied = await desk.http().get(path).set('cookie', agent.cookie).set('accept', 'text/html').expect(403);
      expect(denied.headers['content-type']).toMatch(/text\/html/);
      const stranger = await desk.http().get(path).set('accept', 'text/html').expect(303);
      expect(stranger.headers.location).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    for (const path of pages) {
      await desk.http().get(path).set('cookie', supervisor.cookie).set('accept', 'text/html').expect(200);
    }
    await desk.http().get('/admin/staff').set('cookie', supervisor.cookie).set('accept', 'text/html').expect(403);
    for (const path of ['/agent', '/agent/tickets', '/agent/tickets/new']) {
      await desk.http().get(path).set('cookie', agent.cookie).set('accept', 'text/html').expect(200);
    }
  });
});
