import type { Socket } from 'socket.io-client';
import { ask, collect, next, startTestApp, TestApp, until, VALID_CHAT } from '../support/test-app';

/** An agent with `count` accepted chats, each with its own citizen socket. */
async function agentWithChats(desk: TestApp, count: number) {
  const agent = await desk.agent(await desk.login('agent'));
  const chats: { citizen: Socket; chatId: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', VALID_CHAT);
    expect(await ask(agent, 'chat:accept', { chatId: started.chat.id })).toMatchObject({ ok: true });
    chats.push({ citizen, chatId: started.chat.id });
  }
  return { agent, chats };
}

/** Resolves once every packet the socket sent before has been handled: an answered round trip behind them. */
const roundTrip = (socket: Socket) => ask(socket, 'chat:verify', {});

describe('floods of socket events', () => {
  let desk: TestApp;

  beforeEach(async () => {
    desk = await startTestApp();
  });

  afterEach(async () => {
    await desk.close();
  });

  it('forwards a burst of typing events to the agent as a few, ending with the last state', async () => {
    const { agent, chats } = await agentWithChats(desk, 1);
    const [{ citizen }] = chats;
    const seen = collect<{ typing: boolean }>(agent, 'typing');
    for (let i = 0; i < 30; i += 1) citizen.emit('typing', { typing: i % 2 === 0 });
    await roundTrip(citizen);
    // The last event said "not typing": the agent must end up seeing that, never a stuck "typing".
    await until(() => seen.length > 0 && seen[seen.length - 1].typing === false);
    expect(seen.length).toBeLessThanOrEqual(3);
  });

  it('answers RATE_LIMITED past the soft limit and drops a socket that sends 1,000 events at once; the agent sees a handful', async () => {
    const { agent, chats } = await agentWithChats(desk, 1);
    const [{ citizen }] = chats;
    const seen = collect(agent, 'typing');
    const answers: { ok: boolean; error?: { code: string } }[] = [];
    const dropped = next<string>(citizen, 'disconnect');
    for (let i = 0; i < 1000; i += 1) citizen.emit('typing', { typing: i % 2 === 0 }, (answer: { ok: boolean }) => answers.push(answer));
    expect(await dropped).toBe('io server disconnect');
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((answer) => answer.error?.code === 'RATE_LIMITED')).toBe(true);
    // The agent's own socket still works, and it was told of a few typing changes, not a thousand.
    expect(await ask(agent, 'queue:list', {})).toMatchObject({ ok: true });
    expect(seen.length).toBeLessThanOrEqual(5);
  });

  it('leaves a briskly paced conversation of an agent with three chats alone', async () => {
    const { agent, chats } = await agentWithChats(desk, 3);
    const received = chats.map(({ citizen }) => collect<{ body: string }>(citizen, 'message:new'));
    const answers: { ok: boolean }[] = [];
    // Ten rounds, 100 ms apart: in each, typing on and off and a message in every chat from both sides.
    for (let round = 0; round < 10; round += 1) {
      const sends = chats.flatMap(({ citizen, chatId }) => {
        agent.emit('typing', { chatId, typing: true });
        citizen.emit('typing', { typing: true });
        agent.emit('typing', { chatId, typing: false });
        citizen.emit('typing', { typing: false });
        return [
          ask(agent, 'message:send', { chatId, clientId: `a-${round}`, body: `Svar ${round}` }),
          ask(citizen, 'message:send', { clientId: `c-${round}`, body: `Spørsmål ${round}` }),
        ];
      });
      answers.push(...(await Promise.all(sends)));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answers.filter((answer) => !answer.ok)).toEqual([]);
    await until(() => received.every((messages) => messages.filter((m) => m.body.startsWith('Svar')).length === 10));
    expect(agent.connected && chats.every(({ citizen }) => citizen.connected)).toBe(true);
  });
});
