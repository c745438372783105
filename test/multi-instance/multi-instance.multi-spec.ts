import type { Socket } from 'socket.io-client';
import { DeskCluster } from '../support/desk-cluster';
import { type DeskProcess, killDesk } from '../support/desk-process';
import { ask, next, until } from '../support/test-app';

/**
 * Two instances of the built desk on one PostgreSQL database and one Redis, the way it runs
 * behind a load balancer: citizen on one instance, agent on the other. Needs TEST_POSTGRES_URL
 * and TEST_REDIS_URL (scripts/services.sh start; .ci/run does it).
 */

let cluster: DeskCluster;
let a: DeskProcess;
let b: DeskProcess;

const newAgent = (via: DeskProcess, loginOn: DeskProcess) => cluster.newAgent(via, loginOn);
const connect = (desk: DeskProcess, namespace: '/citizen' | '/agent', options?: Parameters<DeskCluster['connect']>[2]) => cluster.connect(desk, namespace, options);
const availableAgent = (desk: DeskProcess, staff: Awaited<ReturnType<typeof newAgent>>) => cluster.availableAgent(desk, staff);
const startChat = (desk: DeskProcess, message?: string) => cluster.startChat(desk, message);

/** Accepts the oldest waiting chats until none is left, so each test starts with an empty queue. */
async function drainQueue(agent: Socket): Promise<void> {
  const { waiting } = await ask(agent, 'queue:list');
  for (const chat of waiting) {
    const accepted = await ask(agent, 'chat:accept', { chatId: chat.chatId });
    if (accepted.ok) await ask(agent, 'chat:close', { chatId: chat.chatId, outcome: 'other' });
  }
}

beforeAll(async () => {
  // Both start on the empty database at once: one migrates, the other waits for it.
  cluster = await DeskCluster.start(2, { AGENT_GRACE_SECONDS: '600' });
  [a, b] = cluster.instances;
}, 120_000);

afterEach(() => cluster.disconnectAll());

afterAll(() => cluster?.stop());

describe('two instances on PostgreSQL and Redis', () => {
  it('migrated once although both instances started together, and share sessions', async () => {
    const logs = [...a.output, ...b.output].join('');
    expect(logs).not.toMatch(/ERROR/);
    // Logged in on A, the cookie works on B.
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie: cluster.admin.cookie } });
    expect(me.status).toBe(200);
  });

  it('carries a whole conversation between a citizen on one instance and an agent on the other', async () => {
    const agentStaff = await newAgent(a, b);
    const agent = await availableAgent(b, agentStaff);
    await drainQueue(agent);

    const queued = next<any>(agent, 'queue:updated', (p) => p.waiting.length > 0);
    const citizen = await startChat(a, 'Jeg får ikke logget inn med MinID.');
    expect((await queued).waiting.map((w: any) => w.chatId)).toEqual([citizen.chatId]);

    const assigned = next(citizen.socket, 'chat:assigned');
    const accepted = await ask(agent, 'chat:accept', { chatId: citizen.chatId });
    expect(accepted.ok).toBe(true);
    expect(accepted.messages.filter((m: any) => m.author === 'citizen').map((m: any) => m.body)).toEqual(['Jeg får ikke logget inn med MinID.']);
    expect(await assigned).toEqual({ agentName: expect.any(String) });

    const toCitizen = next<any>(citizen.socket, 'message:new', (m) => m.author === 'agent');
    const fromAgent = await ask(agent, 'message:send', { chatId: citizen.chatId, clientId: 'a1', body: 'Hei! Hva skjer når du prøver?' });
    expect((await toCitizen).seq).toBe(fromAgent.message.seq);

    const toAgent = next<any>(agent, 'message:new', (m) => m.author === 'citizen' && m.seq > fromAgent.message.seq);
    const fromCitizen = await ask(citizen.socket, 'message:send', { clientId: 'c1', body: 'Den sier at passordet er feil.' });
    expect(await toAgent).toMatchObject({ seq: fromAgent.message.seq + 1, body: 'Den sier at passordet er feil.', clientId: 'c1' });
    expect(fromCitizen.message.seq).toBe(fromAgent.message.seq + 1);

    const typing = next(agent, 'typing');
    citizen.socket.emit('typing', { typing: true });
    expect(await typing).toMatchObject({ chatId: citizen.chatId, typing: true, author: 'citizen' });

    const ended = next(citizen.socket, 'chat:ended');
    expect(await ask(agent, 'chat:close', { chatId: citizen.chatId, outcome: 'resolved' })).toEqual({ ok: true });
    expect(await ended).toEqual({ by: 'agent', outcome: 'resolved' });
  });

  it('lets exactly one agent win each chat when agents on both instances accept at once', async () => {
    const staff = await Promise.all([newAgent(a, a), newAgent(a, b), newAgent(b, a), newAgent(b, b)]);
    const agents = await Promise.all(staff.map((s, i) => availableAgent(i % 2 === 0 ? a : b, s)));
    await drainQueue(agents[0]);
    const chats = [];
    for (let i = 0; i < 8; i += 1) chats.push(await startChat(i % 2 === 0 ? a : b));

    for (const chat of chats) {
      const answers = await Promise.all(agents.map((agent) => ask(agent, 'chat:accept', { chatId: chat.chatId })));
      const winners = answers.filter((answer) => answer.ok);
      expect(winners).toHaveLength(1);
      expect(answers.filter((answer) => !answer.ok).map((answer) => answer.error.code)).toEqual(['TAKEN', 'TAKEN', 'TAKEN']);
    }
  });

  it('tells waiting citizens on both instances the same, consistent queue positions', async () => {
    const agentStaff = await newAgent(a, b);
    const agent = await availableAgent(b, agentStaff);
    await drainQueue(agent);

    const first = await startChat(a);
    const second = await startChat(b);
    const third = await startChat(a);
    expect([first.position, second.position, third.position]).toEqual([1, 2, 3]);

    const secondMoves = next<any>(second.socket, 'chat:queued', (p) => p.position === 1);
    const thirdMoves = next<any>(third.socket, 'chat:queued', (p) => p.position === 2);
    expect((await ask(agent, 'chat:accept', { chatId: first.chatId })).ok).toBe(true);
    await Promise.all([secondMoves, thirdMoves]);

    const { waiting } = await ask(agent, 'queue:list');
    expect(waiting.map((w: any) => w.chatId)).toEqual([second.chatId, third.chatId]);
    await drainQueue(agent);
  });

  it('disconnects a disabled agent on the other instance at once and ends their session there', async () => {
    const agentStaff = await newAgent(a, b);
    const agent = await connect(b, '/agent', { extraHeaders: { cookie: agentStaff.cookie } });
    expect((await ask(agent, 'queue:list')).ok).toBe(true);

    const gone = next(agent, 'disconnect');
    const disabled = await fetch(`${a.url}/api/admin/users/${agentStaff.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: cluster.admin.cookie, 'x-csrf-token': cluster.admin.csrfToken },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disabled.status).toBe(200);
    await gone;
    expect((await fetch(`${b.url}/api/auth/me`, { headers: { cookie: agentStaff.cookie } })).status).toBe(401);
    await expect(connect(b, '/agent', { extraHeaders: { cookie: agentStaff.cookie } })).rejects.toThrow('UNAUTHENTICATED');
  });

  it('resumes on the other instance after one is killed, and loses no acknowledged message', async () => {
    const agentStaff = await newAgent(b, b);
    const agent = await availableAgent(b, agentStaff);
    await drainQueue(agent);
    // A second agent connected only to the instance that will die.
    const doomedStaff = await newAgent(b, a);
    await availableAgent(a, doomedStaff);

    const citizen = await startChat(a, 'Meldingene mine må ikke forsvinne.');
    expect((await ask(agent, 'chat:accept', { chatId: citizen.chatId })).ok).toBe(true);

    const acknowledged = new Set<string>();
    const sent: string[] = [];
    for (let i = 1; i <= 10; i += 1) {
      const clientId = `before-${i}`;
      sent.push(clientId);
      expect((await ask(citizen.socket, 'message:send', { clientId, body: `Melding ${i}` })).ok).toBe(true);
      acknowledged.add(clientId);
    }
    // A burst still in flight when the instance dies: some may be stored, some not.
    for (let i = 1; i <= 20; i += 1) {
      const clientId = `burst-${i}`;
      sent.push(clientId);
      citizen.socket
        .timeout(3000)
        .emitWithAck('message:send', { clientId, body: `Hastemelding ${i}` })
        .then((answer: any) => answer.ok && acknowledged.add(clientId))
        .catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    await killDesk(a);
    await until(() => !citizen.socket.connected, 5000);

    // The citizen's page reconnects to the surviving instance with its token and resends what
    // was never acknowledged, under the same clientIds.
    const resumed = await connect(b, '/citizen');
    const state = await ask(resumed, 'chat:resume', { token: citizen.token, afterSeq: 0 });
    expect(state.ok).toBe(true);
    const stored = new Set<string>(state.messages.map((m: any) => m.clientId).filter(Boolean));
    for (const clientId of acknowledged) expect(stored).toContain(clientId);
    for (const clientId of sent.filter((id) => !stored.has(id))) {
      const body = clientId.startsWith('burst-') ? `Hastemelding ${clientId.slice(6)}` : `Melding ${clientId.slice(7)}`;
      expect((await ask(resumed, 'message:send', { clientId, body })).ok).toBe(true);
    }
    // A resend of something already stored is answered with the stored message, not stored twice.
    expect((await ask(resumed, 'message:send', { clientId: 'before-1', body: 'Melding 1' })).message.seq).toBe(
      state.messages.find((m: any) => m.clientId === 'before-1').seq,
    );

    const joined = await ask(agent, 'chat:join', { chatId: citizen.chatId, afterSeq: 0 });
    const fromCitizen = joined.messages.filter((m: any) => m.author === 'citizen' && m.clientId);
    expect(fromCitizen.map((m: any) => m.clientId).sort()).toEqual([...sent].sort());
    const seqs = joined.messages.map((m: any) => m.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));

    // The agent whose only connection was on the killed instance is noticed as gone by the survivor.
    await until(async () => {
      const { agents } = await ask(agent, 'agents:list');
      return agents.find((x: any) => x.id === doomedStaff.id)?.status === 'offline';
    }, 15_000);
  }, 60_000);
});
