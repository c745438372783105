import { ChatAccess } from '../../src/chat/chat-access.service';
import { ask, next, startTestApp, TestApp, VALID_CHAT } from '../support/test-app';

describe('a citizen resuming while the agent closes the chat', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp();
  });

  afterAll(async () => {
    await desk.close();
  });

  it('learns that the chat ended when the close lands between reading the chat and joining its room', async () => {
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', VALID_CHAT);
    const agent = await desk.agent(await desk.login('agent'));
    expect((await ask(agent, 'chat:accept', { chatId: started.chat.id })).ok).toBe(true);
    citizen.disconnect();

    // The agent closes right after the resume has read the chat (still active), before it joins the room.
    const access = desk.app.get(ChatAccess);
    const read = access.chatForToken.bind(access);
    let closed = false;
    const spy = jest.spyOn(access, 'chatForToken').mockImplementation(async (token) => {
      const chat = await read(token);
      if (!closed) {
        closed = true;
        expect((await ask(agent, 'chat:close', { chatId: started.chat.id, outcome: 'resolved' })).ok).toBe(true);
      }
      return chat;
    });
    try {
      const back = await desk.citizen();
      const pushed = next(back, 'chat:ended', () => true, 1000).then(() => true, () => false);
      const resumed = await ask(back, 'chat:resume', { token: started.token, afterSeq: 0 });
      expect(resumed.ok).toBe(true);
      expect(resumed.messages.map((m: any) => m.author)).toContain('system');
      // Either way will do, but one of them must say so: a page told neither waits for ever.
      expect({ status: resumed.chat.status, pushed: await pushed }).not.toEqual({ status: 'active', pushed: false });
    } finally {
      spy.mockRestore();
    }
  });
});
