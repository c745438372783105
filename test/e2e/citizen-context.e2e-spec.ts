import { ask, startTestApp, StaffLogin, TestApp, VALID_CHAT } from '../support/test-app';

/** People from data/registry.sample.json (who is who: src/citizens/registry-fixture.spec.ts). */
const DIGIPOST = '17858500060';
const E_BOKS = '17858507472';

describe('citizen context and the audit log', () => {
  let desk: TestApp;
  let agent: StaffLogin;
  let supervisor: StaffLogin;

  beforeAll(async () => {
    desk = await startTestApp();
    agent = await desk.login('agent', 'kari');
    supervisor = await desk.login('supervisor', 'sigrid');
  });

  afterAll(async () => {
    await desk.close();
  });

  const citizenOf = (ticketId: string, who: StaffLogin = agent) => desk.http().get(`/api/tickets/${ticketId}/citizen`).set('cookie', who.cookie);
  const auditFor = (query: string, who: StaffLogin = supervisor) => desk.http().get(`/api/audit${query}`).set('cookie', who.cookie);

  async function offlineTicket(body: Record<string, unknown>): Promise<string> {
    const created = await desk.http().post('/api/contact').send(body).expect(201);
    const list = await desk.http().get(`/api/tickets?q=${created.body.reference}`).set('cookie', agent.cookie).expect(200);
    expect(list.body.items).toHaveLength(1);
    return list.body.items[0].id as string;
  }

  it('shows a chat citizen with Digipost, active in ID-porten, in the contract shape, and audits the look-up', async () => {
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', { ...VALID_CHAT, nationalId: DIGIPOST });
    expect(started.ok).toBe(true);
    // A live chat's citizen is looked up by the agent who took it (test/e2e/chat-access.e2e-spec.ts).
    const agentSocket = await desk.agent(agent);
    expect(await ask(agentSocket, 'chat:accept', { chatId: started.chat.id })).toMatchObject({ ok: true });

    const response = await citizenOf(started.chat.id).expect(200);
    expect(response.body).toEqual({
      nationalId: '178585*****',
      verified: false,
      authentication: null,
      mailbox: { state: 'digipost', address: 'ola.nordmann#9YDT', contactOutdated: false, suggestedReferral: 'digipost' },
      idporten: {
        state: 'active',
        lastLogin: '2026-11-23T07:05:00.000Z',
        logins: [
          { eid: 'BankID', firstLogin: '2020-01-15T12:00:00.000Z', lastLogin: '2026-11-23T07:05:00.000Z' },
          { eid: 'MinID', firstLogin: '2019-03-04T08:12:00.000Z', lastLogin: '2026-11-20T17:40:00.000Z' },
        ],
      },
    });
    expect(JSON.stringify(response.body)).not.toContain(DIGIPOST);

    const audit = await auditFor(`?ticket=${started.chat.id}`).expect(200);
    expect(audit.body.nextCursor).toBeNull();
    expect(audit.body.items.map((r: any) => r.purpose).sort()).toEqual(['chat accepted', 'ticket view']);
    for (const record of audit.body.items) {
      expect(record).toEqual({
        id: expect.any(String),
        createdAt: '2026-11-24T10:00:00.000Z',
        actorId: agent.id,
        actorName: agent.displayName,
        ticketId: started.chat.id,
        subject: '178585*****',
        action: 'citizen.lookup',
        purpose: expect.any(String),
        sources: ['krr', 'idporten'],
        outcome: { krr: 'ok', idporten: 'ok' },
      });
    }
    expect(JSON.stringify(audit.body)).not.toContain(DIGIPOST);

    const denied = await auditFor(`?ticket=${started.chat.id}`, agent).expect(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
  });

  it('shows an offline ticket with an e-Boks number, closed in ID-porten', async () => {
    const ticketId = await offlineTicket({ topic: 'digital-mailbox', message: 'Hvor er brevet mitt?', nationalId: E_BOKS });
    const response = await citizenOf(ticketId).expect(200);
    expect(response.body).toMatchObject({
      nationalId: '178585*****',
      verified: false,
      mailbox: { state: 'e-boks', suggestedReferral: 'e-boks', contactOutdated: false },
      idporten: { state: 'closed', closedCode: 'SPERRET', closedAt: '2026-10-02T08:00:00.000Z' },
    });
  });

  it('asks no register and writes no audit record for a ticket without a national identity number', async () => {
    const ticketId = await offlineTicket({ topic: 'other', message: 'Et spørsmål uten fødselsnummer.' });
    const response = await citizenOf(ticketId).expect(200);
    expect(response.body).toEqual({
      nationalId: null,
      verified: false,
      authentication: null,
      mailbox: { state: 'unknown', contactOutdated: false, suggestedReferral: null },
      idporten: { state: 'unknown', logins: [] },
    });
    const audit = await auditFor(`?ticket=${ticketId}`).expect(200);
    expect(audit.body.items).toEqual([]);
  });

  it('answers an unknown ticket with 404 and refuses anyone not logged in', async () => {
    const missing = await citizenOf('5f0c6f3e-0000-4000-8000-000000000000').expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    await citizenOf('not-a-uuid').expect(404);
    await desk.http().get('/api/tickets/5f0c6f3e-0000-4000-8000-000000000000/citizen').expect(401);
  });

  it('audits every call, finds by staff member and time, pages newest first, and validates its filters', async () => {
    const ticketId = await offlineTicket({ topic: 'id-porten', message: 'Kontoen min er sperret.', nationalId: E_BOKS });
    const other = await desk.login('agent', 'ola');
    desk.clock.advance(60_000);
    await citizenOf(ticketId, agent).expect(200);
    desk.clock.advance(60_000);
    await citizenOf(ticketId, other).expect(200);
    desk.clock.advance(60_000);
    await citizenOf(ticketId, supervisor).expect(200);

    const all = await auditFor(`?ticket=${ticketId}`).expect(200);
    expect(all.body.items.map((r: any) => r.actorId)).toEqual([supervisor.id, other.id, agent.id]);
    expect(all.body.items.every((r: any) => r.subject === '178585*****')).toBe(true);

    const byOther = await auditFor(`?ticket=${ticketId}&user=${other.id}`).expect(200);
    expect(byOther.body.items).toHaveLength(1);

    const lastTwo = all.body.items[1].createdAt as string;
    const since = await auditFor(`?ticket=${ticketId}&from=${encodeURIComponent(lastTwo)}`).expect(200);
    expect(since.body.items.map((r: any) => r.actorId)).toEqual([supervisor.id, other.id]);
    const until = await auditFor(`?ticket=${ticketId}&to=${encodeURIComponent(lastTwo)}`).expect(200);
    expect(until.body.items.map((r: any) => r.actorId)).toEqual([other.id, agent.id]);

    const first = await auditFor(`?ticket=${ticketId}&limit=2`).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await auditFor(`?ticket=${ticketId}&limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body).toEqual({ items: [all.body.items[2]], nextCursor: null });

    const bad = await auditFor('?ticket=nope&user=x&from=yesterday&limit=0').expect(400);
    expect(bad.body.error.code).toBe('VALIDATION');
    expect(bad.body.error.details.map((d: any) => d.field).sort()).toEqual(['from', 'limit', 'ticket', 'user']);
    await auditFor('?cursor=garbage').expect(400);
    await auditFor('?unknown=1').expect(400);

    const everything = await auditFor('?limit=100').expect(200);
    expect(JSON.stringify(everything.body)).not.toMatch(new RegExp(`${DIGIPOST}|${E_BOKS}`));
  });
});

describe('citizen context when the registers are down', () => {
  let desk: TestApp;

  beforeAll(async () => {
    desk = await startTestApp({ env: { KRR_URL: 'http://127.0.0.1:9/', REGISTRY_FIXTURE: '/nonexistent/registry.json' } });
  });

  afterAll(async () => {
    await desk.close();
  });

  it('gives unknown, goes on, and still audits the failed look-up', async () => {
    const supervisor = await desk.login('supervisor');
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', { ...VALID_CHAT, nationalId: DIGIPOST });
    expect(started.ok).toBe(true);

    // A supervisor may look up a waiting chat's citizen (an agent only once the chat is theirs).
    const response = await desk.http().get(`/api/tickets/${started.chat.id}/citizen`).set('cookie', supervisor.cookie).expect(200);
    expect(response.body).toEqual({
      nationalId: '178585*****',
      verified: false,
      authentication: null,
      mailbox: { state: 'unknown', contactOutdated: false, suggestedReferral: null },
      idporten: { state: 'unknown', logins: [] },
    });
    const audit = await desk.http().get(`/api/audit?ticket=${started.chat.id}`).set('cookie', supervisor.cookie).expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].outcome).toEqual({ krr: 'unavailable', idporten: 'unavailable' });
  });
});
