import { ChatIdentityService } from '../../src/chat/chat-identity.service';
import { Sql } from '../../src/database/sql';
import { TicketsService } from '../../src/tickets/tickets.service';
import { ask, startTestApp, StaffLogin, TestApp, VALID_CHAT } from '../support/test-app';

/** Synthetic people from data/registry.sample.json. */
const PERSON = '17858500060';
const OTHER_PERSON = '17858507472';
const MASKED = '178585*****';

describe('earlier contacts of a citizen', () => {
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

  const earlierOf = (ticketId: string, who: StaffLogin = agent, app: TestApp = desk) => app.http().get(`/api/tickets/${ticketId}/earlier-contacts`).set('cookie', who.cookie);
  const search = (body: unknown, who: StaffLogin = supervisor) =>
    desk.http().post('/api/citizens/search').set('cookie', who.cookie).set('x-csrf-token', who.csrfToken).send(body as object);

  /** A web-form ticket, a minute after the one before (so "newest first" is a real order). */
  async function leaveMessage(body: Record<string, unknown>, app: TestApp = desk): Promise<{ id: string; reference: string }> {
    app.clock.advance(60_000);
    const created = await app.http().post('/api/contact').send({ topic: 'digital-mailbox', message: 'Hvor er brevet mitt?', ...body }).expect(201);
    const list = await app.http().get(`/api/tickets?q=${created.body.reference}`).set('cookie', agent.cookie).expect(200);
    return { id: list.body.items[0].id as string, reference: created.body.reference as string };
  }

  it('finds the same typed number newest first, never the current ticket or a second person, and shows masked numbers only', async () => {
    const first = await leaveMessage({ nationalId: PERSON });
    await leaveMessage({ nationalId: OTHER_PERSON, email: 'other@example.no' });
    const second = await leaveMessage({ nationalId: PERSON, email: 'ola@example.no' });
    const current = await leaveMessage({ nationalId: PERSON });

    const response = await earlierOf(current.id).expect(200);
    expect(response.body).toEqual({
      matchedBy: 'national-id',
      // Typed, so possibly anyone's: the panel warns the agent.
      numberVerified: false,
      total: 2,
      items: [
        {
          id: second.id,
          reference: second.reference,
          createdAt: expect.any(String),
          channel: 'web-form',
          topic: 'digital-mailbox',
          status: 'open',
          outcome: null,
          closedBy: null,
          referral: null,
          verified: false,
          nationalId: MASKED,
        },
        expect.objectContaining({ id: first.id, reference: first.reference }),
      ],
    });
    expect(JSON.stringify(response.body)).not.toContain(PERSON);
  });

  it('finds a chat whose number was verified with ID-porten, and the chat finds the typed tickets', async () => {
    const typed = await leaveMessage({ nationalId: PERSON });
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', VALID_CHAT);
    expect(started.ok).toBe(true);
    const chat = await desk.app.get(TicketsService).require(started.chat.id);
    await desk.app.get(ChatIdentityService).apply(chat, { pid: PERSON, acr: 'idporten-loa-high', amr: ['BankID'], authTime: null });

    const fromTicket = await earlierOf(typed.id).expect(200);
    expect(fromTicket.body.items[0]).toMatchObject({ id: started.chat.id, channel: 'chat', status: 'queued', verified: true, nationalId: MASKED });

    // A queued chat is read by the agent who takes it.
    await earlierOf(started.chat.id).expect(403);
    expect(await ask(await desk.agent(agent), 'chat:accept', { chatId: started.chat.id })).toMatchObject({ ok: true });
    const fromChat = await earlierOf(started.chat.id).expect(200);
    expect(fromChat.body.numberVerified).toBe(true);
    expect(fromChat.body.items.map((i: any) => i.id)).toContain(typed.id);
    expect(fromChat.body.items.map((i: any) => i.id)).not.toContain(started.chat.id);
  });

  it('matches the e-mail address, whatever its case, when no number is known, showing no one’s number', async () => {
    const first = await leaveMessage({ email: 'Nora.Hansen@Example.no', nationalId: OTHER_PERSON });
    await leaveMessage({ email: 'someone.else@example.no' });
    const current = await leaveMessage({ email: 'nora.hansen@example.NO' });

    const response = await earlierOf(current.id).expect(200);
    expect(response.body).toMatchObject({ matchedBy: 'email', total: 1, items: [{ id: first.id, nationalId: null }] });
  });

  it('looks nothing up and records nothing for a ticket with neither number nor address', async () => {
    const current = await leaveMessage({});
    expect((await earlierOf(current.id).expect(200)).body).toEqual({ matchedBy: null, total: 0, items: [] });
    const audit = await desk.http().get(`/api/audit?ticket=${current.id}`).set('cookie', supervisor.cookie).expect(200);
    expect(audit.body.items).toEqual([]);
  });

  it('audits every look-up like a registry look-up and shows it in the timeline', async () => {
    await leaveMessage({ nationalId: OTHER_PERSON });
    const current = await leaveMessage({ nationalId: OTHER_PERSON });
    await earlierOf(current.id).expect(200);

    const audit = await desk.http().get(`/api/audit?ticket=${current.id}`).set('cookie', supervisor.cookie).expect(200);
    expect(audit.body.items).toEqual([
      {
        id: expect.any(String),
        createdAt: expect.any(String),
        actorId: agent.id,
        actorName: agent.displayName,
        ticketId: current.id,
        subject: MASKED,
        action: 'citizen.earlier-contacts',
        purpose: 'earlier contacts',
        sources: ['tickets'],
        outcome: { matchedBy: 'national-id', found: expect.stringMatching(/^[1-9]\d*$/) },
      },
    ]);

    const ticket = await desk.http().get(`/api/tickets/${current.id}`).set('cookie', agent.cookie).expect(200);
    expect(ticket.body.events).toContainEqual(expect.objectContaining({ type: 'earlier-contacts', actorName: agent.displayName, data: { matchedBy: 'national-id', found: expect.any(Number) } }));
    for (const [lang, label] of [
      ['en', 'Earlier contacts looked up'],
      ['nb', 'Tidligere henvendelser slått opp'],
      ['nn', 'Tidlegare førespurnader slått opp'],
    ]) {
      const page = await desk.http().get(`/agent/tickets/${current.id}?lang=${lang}`).set('cookie', agent.cookie).expect(200);
      expect(page.text).toContain(label);
    }
  });

  it('lets a supervisor search by number in a body, audited, with masked numbers and no one else', async () => {
    const mine = await leaveMessage({ nationalId: PERSON });
    const found = await search({ nationalId: PERSON }).expect(200);
    expect(found.body.matchedBy).toBe('national-id');
    expect(found.body.items[0]).toMatchObject({ id: mine.id, nationalId: MASKED });
    expect(found.body.total).toBeGreaterThanOrEqual(found.body.items.length);
    expect(found.body.items.every((i: any) => i.nationalId === MASKED)).toBe(true);
    const other = await search({ nationalId: OTHER_PERSON }).expect(200);
    expect(other.body.items.map((i: any) => i.id)).not.toContain(mine.id);
    expect(JSON.stringify([found.body, other.body])).not.toMatch(new RegExp(`${PERSON}|${OTHER_PERSON}`));

    const audit = await desk.http().get('/api/audit?limit=100').set('cookie', supervisor.cookie).expect(200);
    const searches = audit.body.items.filter((r: any) => r.action === 'citizen.search');
    expect(searches.map((r: any) => r.outcome.found).sort()).toEqual([String(found.body.total), String(other.body.total)].sort());
    for (const record of searches) {
      expect(record).toMatchObject({ actorId: supervisor.id, ticketId: null, subject: MASKED, purpose: 'search by national identity number', sources: ['tickets'] });
    }
  });

  it('refuses the search to an agent and to anyone logged out, and an earlier-contacts look-up without a session', async () => {
    const current = await leaveMessage({ nationalId: PERSON });
    const refused = await search({ nationalId: PERSON }, agent).expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    await desk.http().post('/api/citizens/search').send({ nationalId: PERSON }).expect(401);
    await desk.http().get(`/api/tickets/${current.id}/earlier-contacts`).expect(401);
    const audit = await desk.http().get('/api/audit?limit=100').set('cookie', supervisor.cookie).expect(200);
    expect(audit.body.items.filter((r: any) => r.action === 'citizen.search' && r.actorId === agent.id)).toEqual([]);
  });

  it('answers bad input with stable codes, never a 500, and never echoes the number', async () => {
    for (const body of [{}, { nationalId: '12345678901' }, { nationalId: 17858500060 }, { nationalId: PERSON, extra: 1 }, { nationalId: 'x'.repeat(5000) }]) {
      const response = await search(body).expect(400);
      expect(response.body.error.code).toBe('VALIDATION');
      expect(JSON.stringify(response.body)).not.toContain('12345678901');
      expect(JSON.stringify(response.body)).not.toContain(PERSON);
    }
    expect((await earlierOf('not-a-uuid').expect(404)).body.error.code).toBe('NOT_FOUND');
    expect((await earlierOf('5f0c6f3e-0000-4000-8000-000000000000').expect(404)).body.error.code).toBe('NOT_FOUND');
  });
});

describe('the national identity number hash of existing tickets', () => {
  it('is filled at start-up, and hashed again when the key changes', async () => {
    const first = await startTestApp();
    const dataDir = first.dataDir;
    const agent = await first.login('agent', 'kari');
    const open = (app: TestApp, nationalId: string) => app.http().post('/api/contact').send({ topic: 'other', message: 'Et spørsmål.', nationalId }).expect(201);
    await open(first, PERSON);
    await open(first, OTHER_PERSON);
    const created = await open(first, PERSON);
    const list = await first.http().get(`/api/tickets?q=${created.body.reference}`).set('cookie', agent.cookie).expect(200);
    const currentId = list.body.items[0].id as string;
    // As a ticket from before the column looks.
    await first.app.get(Sql).query('UPDATE tickets SET national_id_hash = NULL');
    await first.close({ keepData: true });

    const hashes = async (app: TestApp) => (await app.app.get(Sql).query<{ hash: string | null }[]>('SELECT national_id_hash AS hash FROM tickets ORDER BY reference')).map((r) => r.hash);
    const earlierOf = (app: TestApp, login: StaffLogin) => app.http().get(`/api/tickets/${currentId}/earlier-contacts`).set('cookie', login.cookie).expect(200);

    const second = await startTestApp({ dataDir });
    const before = await hashes(second);
    expect(before.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect((await earlierOf(second, await second.login('agent', 'kari'))).body).toMatchObject({ matchedBy: 'national-id', total: 1 });
    await second.close({ keepData: true });

    const third = await startTestApp({ dataDir, env: { NATIONAL_ID_HASH_KEY: 'k'.repeat(40) } });
    const after = await hashes(third);
    expect(after.every((h, i) => typeof h === 'string' && h !== before[i])).toBe(true);
    expect((await earlierOf(third, await third.login('agent', 'kari'))).body).toMatchObject({ matchedBy: 'national-id', total: 1 });
    await third.close();
  });
});
