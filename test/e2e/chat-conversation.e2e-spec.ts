import { Sql } from '../../src/database/sql';
import { acceptedChat } from '../support/accepted-chat';
import { agentState, ask, collect, next, startTestApp, TestApp, until, VALID_CHAT } from '../support/test-app';

describe('a chat between a citizen and an agent', () => {
  let desk: TestApp;

  beforeEach(async () => {
    desk = await startTestApp();
  });

  afterEach(async () => {
    await desk.close();
  });

  it('numbers chats one after another, also when they start at the same moment', async () => {
    const citizens = await Promise.all(Array.from({ length: 6 }, () => desk.citizen()));
    const started = await Promise.all(citizens.map((citizen) => ask(citizen, 'chat:start', VALID_CHAT)));
    const numbers = started.map((answer) => Number(/^DS-2026-(\d{6})$/.exec(answer.chat.reference)![1])).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('goes from start through the queue to accepted, messages in seq order both ways, and close', async () => {
    const agentLogin = await desk.login('agent', 'kari');
    const agent = await desk.agent(agentLogin);
    expect(await agentState(agent)).toMatchObject({ user: { id: agentLogin.id }, chats: [] });
    expect(await ask(agent, 'agent:status', { status: 'available' })).toEqual({ ok: true });

    const citizen = await desk.citizen();
    const queueUpdate = next(agent, 'queue:updated', (p: any) => p.waiting.length === 1);
    const started = await ask(citizen, 'chat:start', { ...VALID_CHAT, name: 'Ola', language: 'nb' });
    expect(started).toMatchObject({ ok: true, chat: { status: 'queued' }, position: 1 });
    expect(started.chat.reference).toMatch(/^DS-2026-\d{6}$/);
    expect(typeof started.token).toBe('string');

    const { waiting } = await queueUpdate;
    expect(waiting[0]).toMatchObject({ chatId: started.chat.id, reference: started.chat.reference, topic: 'digital-mailbox', verified: false });
    expect(waiting[0].preview).toContain('Skatteetaten');

    const assigned = next(citizen, 'chat:assigned');
    const accepted = await ask(agent, 'chat:accept', { chatId: started.chat.id });
    expect(accepted).toMatchObject({ ok: true, chat: { id: started.chat.id, status: 'active' } });
    expect(accepted.messages[0]).toMatchObject({ seq: 1, author: 'citizen', body: VALID_CHAT.message });
    expect(await assigned).toEqual({ agentName: agentLogin.displayName });

    const citizenSees = collect(citizen, 'message:new');
    const agentSees = collect(agent, 'message:new');
    const fromAgent = await ask(agent, 'message:send', { chatId: started.chat.id, clientId: 'a-1', body: 'Hei! Jeg skal hjelpe deg.' });
    const fromCitizen = await ask(citizen, 'message:send', { clientId: 'c-1', body: 'Takk!' });
    const fromAgent2 = await ask(agent, 'message:send', { chatId: started.chat.id, clientId: 'a-2', body: 'Hvilken postkasse har du?' });
    expect([fromAgent, fromCitizen, fromAgent2].every((a) => a.ok)).toBe(true);
    const seqs = [fromAgent.message.seq, fromCitizen.message.seq, fromAgent2.message.seq];
    expect(seqs).toEqual([seqs[0], seqs[0] + 1, seqs[0] + 2]);
    expect(fromCitizen.message).toMatchObject({ author: 'citizen', kind: 'text', chatId: started.chat.id, clientId: 'c-1' });
    expect(fromAgent.message).toMatchObject({ author: 'agent', authorName: agentLogin.displayName });

    await until(() => citizenSees.some((m) => m.seq === seqs[2]) && agentSees.some((m) => m.seq === seqs[2]));
    expect(citizenSees.filter((m) => m.author !== 'system').map((m) => m.body)).toEqual(['Hei! Jeg skal hjelpe deg.', 'Takk!', 'Hvilken postkasse har du?']);
    expect(agentSees.map((m) => m.seq)).toEqual([...agentSees.map((m) => m.seq)].sort((a, b) => a - b));

    const ended = next(citizen, 'chat:ended');
    expect(await ask(agent, 'chat:close', { chatId: started.chat.id, outcome: 'resolved' })).toEqual({ ok: true });
    expect(await ended).toEqual({ by: 'agent', outcome: 'resolved' });

    expect(await ask(citizen, 'chat:rate', { score: 5, comment: 'Veldig bra' })).toEqual({ ok: true });
    const again = await ask(citizen, 'chat:rate', { score: 1 });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const late = await ask(citizen, 'message:send', { clientId: 'c-late', body: 'Hallo?' });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const ticket = await desk.http().get(`/api/tickets/${started.chat.id}`).set('cookie', agentLogin.cookie).expect(200);
    expect(ticket.body).toMatchObject({ status: 'closed', outcome: 'resolved', rating: { score: 5, comment: 'Veldig bra' } });
    expect(ticket.body.events.map((e: any) => e.type)).toEqual(['queued', 'accepted', 'closed', 'rated']);
  });

  it('tells every waiting citizen their place, first in first out, and moves them up on accept', async () => {
    const agentLogin = await desk.login('agent');
    const agent = await desk.agent(agentLogin);
    const first = await desk.citizen();
    const second = await desk.citizen();
    const a = await ask(first, 'chat:start', VALID_CHAT);
    const b = await ask(second, 'chat:start', { ...VALID_CHAT, topic: 'id-porten' });
    expect([a.position, b.position]).toEqual([1, 2]);
    expect(b.estimatedWaitSeconds).toBeGreaterThan(a.estimatedWaitSeconds);

    const listed = await ask(agent, 'queue:list');
    expect(listed.waiting.map((w: any) => w.chatId)).toEqual([a.chat.id, b.chat.id]);

    const movedUp = next(second, 'chat:queued', (p: any) => p.position === 1);
    await ask(agent, 'chat:accept', { chatId: a.chat.id });
    expect(await movedUp).toMatchObject({ position: 1, estimatedWaitSeconds: expect.any(Number) });
  });

  it('stores a message sent twice with the same clientId once', async () => {
    const { agent, citizen, started } = await acceptedChat(desk);

    const firstTry = await ask(citizen, 'message:send', { clientId: 'retry-1', body: 'Er dere der?' });
    const secondTry = await ask(citizen, 'message:send', { clientId: 'retry-1', body: 'Er dere der?' });
    expect(secondTry.message).toEqual(firstTry.message);
    const agentFirst = await ask(agent, 'message:send', { chatId: started.chat.id, clientId: 'same', body: 'Ja' });
    const agentSecond = await ask(agent, 'message:send', { chatId: started.chat.id, clientId: 'same', body: 'Ja' });
    expect(agentSecond.message.id).toBe(agentFirst.message.id);

    const rows = await desk.app.get(Sql).query('SELECT client_id FROM messages WHERE ticket_id = ? AND client_id IS NOT NULL', [started.chat.id]);
    expect(rows.map((r: any) => r.client_id).sort()).toEqual(['retry-1', 'same']);
  });

  it('gives a citizen who reconnects exactly the messages missed, in order', async () => {
    const { agent, citizen, started, accepted: accepted } = await acceptedChat(desk);
    const lastSeen = Math.max(...accepted.messages.map((m: any) => m.seq));
    citizen.disconnect();

    const sent = [];
    for (const body of ['Første', 'Andre', 'Tredje']) {
      sent.push((await ask(agent, 'message:send', { chatId: started.chat.id, clientId: body, body })).message);
    }

    const back = await desk.citizen();
    const resumed = await ask(back, 'chat:resume', { token: started.token, afterSeq: lastSeen });
    expect(resumed.ok).toBe(true);
    expect(resumed.chat).toMatchObject({ id: started.chat.id, status: 'active' });
    expect(resumed.messages.map((m: any) => m.body)).toEqual(['Første', 'Andre', 'Tredje']);
    expect(resumed.messages.map((m: any) => m.seq)).toEqual(sent.map((m) => m.seq));

    const live = next(back, 'message:new');
    await ask(agent, 'message:send', { chatId: started.chat.id, clientId: 'after', body: 'Er du tilbake?' });
    expect(await live).toMatchObject({ body: 'Er du tilbake?' });
  });

  it('rejoins the chat from a token given at connection time', async () => {
    const { agent, citizen, started } = await acceptedChat(desk);
    citizen.disconnect();
    const back = await desk.citizen({ token: started.token });
    const live = next(back, 'message:new');
    await ask(agent, 'message:send', { chatId: started.chat.id, clientId: 'x', body: 'Hei igjen' });
    expect(await live).toMatchObject({ body: 'Hei igjen' });
    expect(await ask(back, 'message:send', { clientId: 'y', body: 'Hei' })).toMatchObject({ ok: true });
  });

  it('lets exactly one of ten agents win each of twenty chats', async () => {
    const agents = await Promise.all(Array.from({ length: 10 }, async () => desk.agent(await desk.login('agent'))));
    const citizen = await desk.citizen();
    for (let round = 0; round < 20; round += 1) {
      const started = await ask(citizen, 'chat:start', { ...VALID_CHAT, message: `Runde ${round}` });
      const answers = await Promise.all(agents.map((agent) => ask(agent, 'chat:accept', { chatId: started.chat.id })));
      const winners = answers.filter((a) => a.ok);
      expect(winners).toHaveLength(1);
      expect(answers.filter((a) => !a.ok).every((a) => a.error.code === 'TAKEN')).toBe(true);
    }
    const rows = await desk.app.get(Sql).query("SELECT COUNT(*) AS n FROM ticket_events WHERE type = 'accepted'");
    expect(Number(rows[0].n)).toBe(20);
  });

  it('keeps every acknowledged message when the application is closed and started again on the same file', async () => {
    const { agent, citizen, started } = await acceptedChat(desk);
    const acknowledged: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const socket = i % 2 === 0 ? citizen : agent;
      const payload = i % 2 === 0 ? { clientId: `c${i}`, body: `Melding ${i}` } : { chatId: started.chat.id, clientId: `a${i}`, body: `Melding ${i}` };
      const answer = await ask(socket, 'message:send', payload);
      acknowledged.push(answer.message.seq);
    }
    const dataDir = desk.dataDir;
    await desk.close({ keepData: true });

    desk = await startTestApp({ dataDir });
    const back = await desk.citizen();
    const resumed = await ask(back, 'chat:resume', { token: started.token, afterSeq: 0 });
    expect(resumed.ok).toBe(true);
    const stored = resumed.messages.map((m: any) => m.seq);
    expect(stored).toEqual(expect.arrayContaining(acknowledged));
    expect(resumed.messages.filter((m: any) => m.body.startsWith('Melding')).map((m: any) => m.body)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Melding ${i}`),
    );
  });
});
