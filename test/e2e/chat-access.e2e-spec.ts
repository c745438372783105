import { acceptedChat } from '../support/accepted-chat';
import { ask, next, startTestApp, StaffLogin, TestApp, VALID_CHAT } from '../support/test-app';

/**
 * One rule for who may read a chat, over HTTP and sockets alike (src/tickets/ticket-access.ts):
 * a queued or active chat is read, and its citizen looked up, only by the assigned agent and by
 * supervisors; a closed chat is an ordinary ticket that staff with `ticket:read` may read, while
 * the registry look-up stays with the assignee and supervisors.
 */
const DIGIPOST = '17858500060';

describe('who may read a chat and look up its citizen', () => {
  let desk: TestApp;
  let kari: StaffLogin;
  let ola: StaffLogin;
  let sigrid: StaffLogin;

  beforeEach(async () => {
    desk = await startTestApp();
    kari = await desk.login('agent', 'kari');
    ola = await desk.login('agent', 'ola');
    sigrid = await desk.login('supervisor', 'sigrid');
  });

  afterEach(async () => {
    await desk.close();
  });

  const get = (who: StaffLogin, path: string) => desk.http().get(path).set('cookie', who.cookie);
  const write = (who: StaffLogin, method: 'post' | 'patch', path: string) => desk.http()[method](path).set('cookie', who.cookie).set('x-csrf-token', who.csrfToken);
  const auditCount = async (ticketId: string) => (await get(sigrid, `/api/audit?ticket=${ticketId}&limit=100`).expect(200)).body.items.length as number;
  const expectForbidden = (response: { status: number; body: { error?: { code: string } } }) => {
    expect({ status: response.status, code: response.body.error?.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  };

  async function chatOf(agent: StaffLogin) {
    const { agent: socket, citizen, started } = await acceptedChat(desk, { login: agent, chat: { nationalId: DIGIPOST } });
    return { id: started.chat.id as string, socket, citizen };
  }

  it("refuses a second agent everything of another agent's live chat, and audits no refused look-up", async () => {
    const chat = await chatOf(kari);
    const olaSocket = await desk.agent(ola);
    const audited = await auditCount(chat.id);
    expect(audited).toBe(1); // kari's accept

    expectForbidden(await get(ola, `/api/tickets/${chat.id}`));
    expectForbidden(await get(ola, `/api/tickets/${chat.id}/citizen`));
    expectForbidden(await get(ola, `/api/chats/${chat.id}/transcript`));
    expectForbidden(await write(ola, 'patch', `/api/tickets/${chat.id}`).send({ topic: 'other' }));
    expectForbidden(await write(ola, 'post', `/api/tickets/${chat.id}/notes`).send({ body: 'Kikket innom' }));
    expect(await ask(olaSocket, 'chat:join', { chatId: chat.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ask(olaSocket, 'note:add', { chatId: chat.id, body: 'Hei' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ask(olaSocket, 'chat:close', { chatId: chat.id, outcome: 'resolved' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await get(ola, `/agent/tickets/${chat.id}`)).status).toBe(403);
    expect(await auditCount(chat.id)).toBe(audited);

    await get(kari, `/api/tickets/${chat.id}`).expect(200);
    await get(kari, `/api/tickets/${chat.id}/citizen`).expect(200);
    await get(kari, `/api/chats/${chat.id}/transcript`).expect(200);
    expect(await ask(chat.socket, 'chat:join', { chatId: chat.id })).toMatchObject({ ok: true, readOnly: false });

    const sigridSocket = await desk.agent(sigrid);
    await get(sigrid, `/api/tickets/${chat.id}`).expect(200);
    await get(sigrid, `/api/tickets/${chat.id}/citizen`).expect(200);
    await get(sigrid, `/api/chats/${chat.id}/transcript`).expect(200);
    expect(await ask(sigridSocket, 'chat:join', { chatId: chat.id })).toMatchObject({ ok: true, readOnly: true });
    expect(await auditCount(chat.id)).toBe(audited + 2);
  });

  it('shows a queued chat to available agents only as its preview in the queue', async () => {
    const olaSocket = await desk.agent(ola);
    expect(await ask(olaSocket, 'agent:status', { status: 'available' })).toEqual({ ok: true });
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', { ...VALID_CHAT, nationalId: DIGIPOST });
    const queue = await ask(olaSocket, 'queue:list');
    expect(queue.waiting).toEqual([expect.objectContaining({ chatId: started.chat.id, preview: expect.stringContaining('Skatteetaten') })]);

    expectForbidden(await get(ola, `/api/tickets/${started.chat.id}`));
    expectForbidden(await get(ola, `/api/tickets/${started.chat.id}/citizen`));
    expectForbidden(await get(ola, `/api/chats/${started.chat.id}/transcript`));
    expect(await ask(olaSocket, 'chat:join', { chatId: started.chat.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await auditCount(started.chat.id)).toBe(0);
    await get(sigrid, `/api/tickets/${started.chat.id}`).expect(200);

    expect(await ask(olaSocket, 'chat:accept', { chatId: started.chat.id })).toMatchObject({ ok: true, citizen: { nationalId: '178585*****' } });
    await get(ola, `/api/tickets/${started.chat.id}`).expect(200);
  });

  it('lets staff read a closed chat as an ordinary ticket; the look-up stays with the assignee and supervisors', async () => {
    const chat = await chatOf(kari);
    const ended = next(chat.citizen, 'chat:ended');
    expect(await ask(chat.socket, 'chat:close', { chatId: chat.id, outcome: 'resolved' })).toEqual({ ok: true });
    await ended;
    const audited = await auditCount(chat.id);

    const olaSocket = await desk.agent(ola);
    const detail = await get(ola, `/api/tickets/${chat.id}`).expect(200);
    expect(detail.body).toMatchObject({ status: 'closed', nationalId: '178585*****' });
    const transcript = await get(ola, `/api/chats/${chat.id}/transcript`).expect(200);
    expect(transcript.text).toContain(VALID_CHAT.message);
    expect(await ask(olaSocket, 'chat:join', { chatId: chat.id })).toMatchObject({ ok: true, readOnly: true });
    await write(ola, 'post', `/api/tickets/${chat.id}/notes`).send({ body: 'Fulgt opp' }).expect(201);
    expectForbidden(await get(ola, `/api/tickets/${chat.id}/citizen`));
    expect(await auditCount(chat.id)).toBe(audited);

    await get(kari, `/api/tickets/${chat.id}/citizen`).expect(200);
    await get(sigrid, `/api/tickets/${chat.id}/citizen`).expect(200);
    expect(await auditCount(chat.id)).toBe(audited + 2);
  });

  it('lets any agent look up the citizen of an unassigned offline ticket, and only its assignee once it is taken', async () => {
    const sent = await desk.http().post('/api/contact').send({ topic: 'other', message: 'Hjelp', nationalId: DIGIPOST }).expect(201);
    const list = await get(kari, `/api/tickets?q=${sent.body.reference}`).expect(200);
    const id = list.body.items[0].id as string;
    await get(ola, `/api/tickets/${id}/citizen`).expect(200);

    await write(kari, 'patch', `/api/tickets/${id}`).send({ assigneeId: kari.id }).expect(200);
    await get(kari, `/api/tickets/${id}/citizen`).expect(200);
    await get(ola, `/api/tickets/${id}`).expect(200);
    const audited = await auditCount(id);
    expectForbidden(await get(ola, `/api/tickets/${id}/citizen`));
    expect(await auditCount(id)).toBe(audited);
  });
});
