import { ask, next, startTestApp, TestApp, VALID_CHAT } from '../support/test-app';

describe('the live board for supervisors', () => {
  let desk: TestApp;

  beforeEach(async () => {
    desk = await startTestApp();
  });

  afterEach(async () => {
    await desk.close();
  });

  it('shows the queue, the agents and the chats in progress, updated as they change', async () => {
    const supervisorLogin = await desk.login('supervisor', 'siv');
    const supervisorSocket = desk.agent(supervisorLogin);
    const supervisor = await supervisorSocket;
    const initial = (await ask(supervisor, 'board:get')).board;
    expect(initial.queue).toEqual({ length: 0, longestWaitSeconds: 0, oldestWaitingSince: null });

    const agentLogin = await desk.login('agent', 'kari');
    const agent = await desk.agent(agentLogin);
    const availableShown = next(supervisor, 'board:updated', (b: any) => b.agents.some((a: any) => a.id === agentLogin.id && a.status === 'available'));
    await ask(agent, 'agent:status', { status: 'available' });
    await availableShown;

    const queued = next(supervisor, 'board:updated', (b: any) => b.queue.length === 1);
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', VALID_CHAT);
    desk.clock.advance(90_000);
    const board = await queued;
    expect(board.queue.oldestWaitingSince).toBe(started.chat.queuedAt);

    const taken = next(supervisor, 'board:updated', (b: any) => b.inProgress.length === 1);
    await ask(agent, 'chat:accept', { chatId: started.chat.id });
    const afterAccept = await taken;
    expect(afterAccept.queue.length).toBe(0);
    expect(afterAccept.inProgress[0]).toMatchObject({ chatId: started.chat.id, agentId: agentLogin.id, agentName: agentLogin.displayName, topic: 'digital-mailbox' });
    expect(afterAccept.agents.find((a: any) => a.id === agentLogin.id)).toMatchObject({ status: 'available', load: 1 });
    expect(afterAccept.today.chatsStarted).toBe(1);

    const joined = await ask(supervisor, 'chat:join', { chatId: started.chat.id, afterSeq: 0 });
    expect(joined).toMatchObject({ ok: true, readOnly: true });
    const live = next(supervisor, 'message:new', (m: any) => m.author === 'citizen');
    await ask(citizen, 'message:send', { clientId: 'c1', body: 'Hallo?' });
    expect((await live).body).toBe('Hallo?');
    expect(await ask(supervisor, 'message:send', { chatId: started.chat.id, clientId: 's1', body: 'Nei' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const noteSeen = next(agent, 'note:new');
    expect(await ask(supervisor, 'note:add', { chatId: started.chat.id, body: 'Husk å henvise.' })).toMatchObject({ ok: true });
    expect((await noteSeen).body).toBe('Husk å henvise.');
  });

  it('is not for agents', async () => {
    const agent = await desk.agent(await desk.login('agent'));
    expect(await ask(agent, 'board:get')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
