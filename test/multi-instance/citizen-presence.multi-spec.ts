import type { Socket } from 'socket.io-client';
import { systemText } from '../../src/chat/system-messages';
import { DeskCluster } from '../support/desk-cluster';
import { killDesk, type DeskProcess } from '../support/desk-process';
import { selectPostgres } from '../support/postgres';
import { ask, collect, next, until } from '../support/test-app';

/**
 * Citizen presence and inactivity with two instances on PostgreSQL and Redis (a third one dies).
 * The instances' clocks run on from FAKE_NOW and cannot be moved from outside, so "ten minutes
 * later" is made by moving one chat's recorded times back in the database; both instances'
 * sweepers (every 5 s) then find it due on their own.
 */

const SWEEP_MS = 5_000;
let cluster: DeskCluster;
let a: DeskProcess;
let b: DeskProcess;

const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => selectPostgres<T>(cluster.databaseUrl, sql, params);

/** As if `minutes` had passed for this chat since each of its recorded moments. */
async function age(chatId: string, minutes: number): Promise<void> {
  const back = (column: string) => `${column} = ${column} - make_interval(mins => $2)`;
  await rows(
    `UPDATE tickets SET ${['queued_at', 'accepted_at', 'citizen_left_at', 'citizen_last_seen_at', 'idle_warned_at'].map(back).join(', ')} WHERE id = $1`,
    [chatId, minutes],
  );
  await rows(`UPDATE messages SET ${back('created_at')} WHERE ticket_id = $1`, [chatId, minutes]);
}

const eventCount = async (chatId: string, type: string) =>
  Number((await rows<{ n: string }>(`SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = $1 AND type = $2`, [chatId, type]))[0].n);

async function acceptedOnOtherInstance(): Promise<{ agent: Socket; citizen: Socket; chatId: string; token: string }> {
  const agent = await cluster.availableAgent(b, await cluster.newAgent(a, b));
  const citizen = await cluster.startChat(a);
  // The accept's system message reaches the citizen's instance through Redis after the agent's answer.
  const told = next<any>(citizen.socket, 'message:new', (m) => m.author === 'system');
  expect((await ask(agent, 'chat:accept', { chatId: citizen.chatId })).ok).toBe(true);
  await told;
  return { agent, citizen: citizen.socket, chatId: citizen.chatId, token: citizen.token };
}

beforeAll(async () => {
  cluster = await DeskCluster.start(2, { CHAT_IDLE_MINUTES: '10', CHAT_IDLE_GRACE_MINUTES: '2', AGENT_GRACE_SECONDS: '600' });
  [a, b] = cluster.instances;
}, 120_000);

afterEach(() => cluster.disconnectAll());
afterAll(() => cluster?.stop());

describe('citizen presence across instances', () => {
  it('an agent on one instance sees the citizen on the other leave (with the time) and come back', async () => {
    const { agent, citizen, chatId, token } = await acceptedOnOtherInstance();
    const left = next<any>(agent, 'chat:presence');
    citizen.disconnect();
    expect(await left).toEqual({ chatId, connected: false, leftAt: expect.any(String) });
    expect((await ask(agent, 'chat:join', { chatId })).chat).toMatchObject({ citizenConnected: false, citizenLeftAt: (await left).leftAt });

    const back = next<any>(agent, 'chat:presence');
    await cluster.connect(a, '/citizen', { auth: { token } });
    expect(await back).toEqual({ chatId, connected: true });
  });

  it('with both sweepers running, a silent citizen gets exactly one warning, and the chat is closed exactly once', async () => {
    const { agent, citizen, chatId } = await acceptedOnOtherInstance();
    const systemMessages = collect<any>(citizen, 'message:new');
    const endings = collect<any>(citizen, 'chat:ended');
    await ask(agent, 'message:send', { chatId, clientId: 'q1', body: 'Hvilken postkasse bruker du?' });

    const warning = next<any>(citizen, 'message:new', (m) => m.author === 'system');
    await age(chatId, 10);
    expect((await warning).body).toBe(systemText('idleWarning', 'nb', { minutes: '2' }));

    const agentEnded = next<any>(agent, 'chat:ended', (p) => p.chatId === chatId, 3 * SWEEP_MS);
    await age(chatId, 2);
    expect(await agentEnded).toEqual({ chatId, by: 'system', outcome: 'abandoned' });
    // Two more rounds of both sweepers, for a second warning or close to show if there were one.
    await new Promise((resolve) => setTimeout(resolve, 2 * SWEEP_MS + 1000));

    expect(await eventCount(chatId, 'idle-warning')).toBe(1);
    expect(await eventCount(chatId, 'abandoned')).toBe(1);
    const fromDesk = systemMessages.filter((m) => m.author === 'system').map((m) => m.body);
    expect(fromDesk).toEqual([systemText('idleWarning', 'nb', { minutes: '2' }), systemText('abandoned', 'nb')]);
    expect(endings).toEqual([{ by: 'system', outcome: 'abandoned' }]);
    const [chat] = await rows<{ status: string; outcome: string }>(`SELECT status, outcome FROM tickets WHERE id = $1`, [chatId]);
    expect(chat).toEqual({ status: 'closed', outcome: 'abandoned' });
  }, 60_000);

  it('a queued citizen gone for good leaves the queue once, the one behind moves up on the other instance, and the board and metrics count it', async () => {
    const supervisor = await cluster.connect(a, '/agent', { extraHeaders: { cookie: cluster.admin.cookie } });
    const abandonedSoFar = async () => ({
      board: (await ask(supervisor, 'board:get')).board.today.chatsAbandoned,
      metrics: ((await (await fetch(`${b.url}/api/metrics/summary`, { headers: { cookie: cluster.admin.cookie } })).json()) as any).outcomes.abandoned,
    });
    const before = await abandonedSoFar();
    const gone = await cluster.startChat(a, 'Jeg må gå.');
    const staying = await cluster.startChat(b, 'Jeg venter.');
    expect(staying.position).toBe(gone.position + 1);

    gone.socket.disconnect();
    await until(async () => (await rows<{ left: Date | null }>(`SELECT citizen_left_at AS left FROM tickets WHERE id = $1`, [gone.chatId]))[0].left !== null, 5000);
    const movedUp = next<any>(staying.socket, 'chat:queued', (q) => q.position === gone.position, 3 * SWEEP_MS);
    await age(gone.chatId, 10);
    await movedUp;
    // Two more rounds of both sweepers, for a second close to show if there were one.
    await new Promise((resolve) => setTimeout(resolve, 2 * SWEEP_MS + 1000));

    expect(await eventCount(gone.chatId, 'abandoned')).toBe(1);
    const [chat] = await rows<{ status: string; outcome: string }>(`SELECT status, outcome FROM tickets WHERE id = $1`, [gone.chatId]);
    expect(chat).toEqual({ status: 'closed', outcome: 'abandoned' });
    expect(await abandonedSoFar()).toEqual({ board: before.board + 1, metrics: before.metrics + 1 });
  }, 60_000);

  it('a citizen whose instance dies counts as gone', async () => {
    const doomed = await cluster.startInstance();
    const agent = await cluster.availableAgent(b, await cluster.newAgent(a, b));
    const citizen = await cluster.startChat(doomed);
    expect((await ask(agent, 'chat:accept', { chatId: citizen.chatId })).ok).toBe(true);

    const left = next<any>(agent, 'chat:presence', (p) => p.chatId === citizen.chatId, 30_000);
    await killDesk(doomed);
    await until(() => !citizen.socket.connected, 5000);
    expect(await left).toMatchObject({ chatId: citizen.chatId, connected: false });
    const [chat] = await rows<{ citizen_left_at: Date | null }>(`SELECT citizen_left_at FROM tickets WHERE id = $1`, [citizen.chatId]);
    expect(chat.citizen_left_at).toBeInstanceOf(Date);
  }, 60_000);
});
