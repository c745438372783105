import { Sql } from '../../src/database/sql';
import { ask, next, startTestApp, StaffLogin, TestApp, VALID_CHAT } from '../support/test-app';

/**
 * Every free-text field a citizen or staff member can write is stored with national identity
 * numbers masked, however they are written (synthetic numbers from docs/domain.md §3).
 */
const MASKED = '178585*****';
const OTHER_MASKED = '268264*****';

describe('national identity numbers in free text', () => {
  let desk: TestApp;
  let agent: StaffLogin;

  beforeEach(async () => {
    desk = await startTestApp();
    agent = await desk.login('agent');
  });

  afterEach(async () => {
    await desk.close();
  });

  const write = (login: StaffLogin, method: 'post' | 'patch', path: string) =>
    desk.http()[method](path).set('cookie', login.cookie).set('x-csrf-token', login.csrfToken);
  const detail = async (id: string) => (await desk.http().get(`/api/tickets/${id}`).set('cookie', agent.cookie).expect(200)).body;
  const listed = async (id: string) => {
    const page = await desk.http().get('/api/tickets').query({ limit: 100 }).set('cookie', agent.cookie).expect(200);
    return page.body.items.find((t: { id: string }) => t.id === id);
  };
  /** Nothing stored anywhere in the ticket's rows holds the number's last five digits. */
  const storedText = async (id: string) => {
    const db = desk.app.get(Sql);
    const rows = [
      ...(await db.query('SELECT * FROM tickets WHERE id = ?', [id])),
      ...(await db.query('SELECT * FROM messages WHERE ticket_id = ?', [id])),
      ...(await db.query('SELECT * FROM notes WHERE ticket_id = ?', [id])),
    ];
    return JSON.stringify(rows.map(({ national_id: _nationalId, nationalId: _alsoNationalId, ...rest }) => rest));
  };

  it('masks the chat name, the messages of both sides, notes and the rating comment', async () => {
    const agentSocket = await desk.agent(agent);
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', { ...VALID_CHAT, name: 'Kari 178585 00060', message: 'Mitt nr er 178 585 000 60' });
    expect(started.ok).toBe(true);
    const chatId = started.chat.id;
    expect(await ask(agentSocket, 'chat:accept', { chatId })).toMatchObject({ ok: true });

    const citizenForms = ['178585  00060', '1785 8500 060', '178585/00060', '178585:00060', '178585,00060', '1785\u200B8500060', '１７８５８５０００６０', '١٧٨٥٨٥٠٠٠٦٠'];
    for (const [i, form] of citizenForms.entries()) {
      expect(await ask(citizen, 'message:send', { clientId: `c-${i}`, body: `nr ${form} ok` })).toMatchObject({ ok: true, message: { body: `nr ${MASKED} ok` } });
    }
    expect(await ask(agentSocket, 'message:send', { chatId, clientId: 'a-1', body: 'Gjelder det 268264\u00A099361?' })).toMatchObject({
      ok: true,
      message: { body: `Gjelder det ${OTHER_MASKED}?` },
    });
    expect(await ask(agentSocket, 'note:add', { chatId, body: 'Ringte om 178585.00060' })).toMatchObject({ ok: true, note: { body: `Ringte om ${MASKED}` } });
    const ended = next(citizen, 'chat:ended');
    expect(await ask(agentSocket, 'chat:close', { chatId, outcome: 'resolved' })).toEqual({ ok: true });
    await ended;
    expect(await ask(citizen, 'chat:rate', { score: 4, comment: 'Takk, nr 178585\u202F00060' })).toEqual({ ok: true });

    expect((await listed(chatId)).citizenName).toBe(`Kari ${MASKED}`);
    const ticket = await detail(chatId);
    expect(ticket.citizenName).toBe(`Kari ${MASKED}`);
    expect(ticket.rating).toEqual({ score: 4, comment: `Takk, nr ${MASKED}` });
    const texts = ticket.messages.filter((m: { kind: string }) => m.kind === 'text');
    expect(texts.map((m: { body: string }) => m.body)).toEqual([
      `Mitt nr er ${MASKED}`,
      ...citizenForms.map(() => `nr ${MASKED} ok`),
      `Gjelder det ${OTHER_MASKED}?`,
    ]);
    expect(texts.filter((m: { author: string }) => m.author === 'citizen').every((m: { authorName: string }) => m.authorName === `Kari ${MASKED}`)).toBe(true);
    expect(ticket.notes.map((n: { body: string }) => n.body)).toEqual([`Ringte om ${MASKED}`]);
    const stored = await storedText(chatId);
    expect(stored).not.toMatch(/00060|99361/);
  });

  it('masks the contact form’s name, phone, e-mail and message', async () => {
    const sent = await desk
      .http()
      .post('/api/contact')
      .send({ topic: 'other', name: 'Ola 17858500060', phone: '178585 00060', email: '178585.00060@example.no', message: 'Fnr: 178585-00060' })
      .expect(201);
    const page = await desk.http().get('/api/tickets').query({ limit: 100 }).set('cookie', agent.cookie).expect(200);
    const summary = page.body.items.find((t: { reference: string }) => t.reference === sent.body.reference);
    expect(summary.citizenName).toBe(`Ola ${MASKED}`);
    const ticket = await detail(summary.id);
    expect(ticket).toMatchObject({
      citizenName: `Ola ${MASKED}`,
      contact: { phone: MASKED, email: `${MASKED}@example.no` },
      summary: `Fnr: ${MASKED}`,
    });
    expect(ticket.messages.map((m: { body: string }) => m.body)).toEqual([`Fnr: ${MASKED}`]);
    expect(await storedText(summary.id)).not.toMatch(/00060/);
  });

  it('masks what staff write on a ticket: its summary and notes', async () => {
    const created = await write(agent, 'post', '/api/tickets').send({ channel: 'phone', topic: 'other', summary: 'Innringer 178585\u200D00060' }).expect(201);
    expect(created.body.summary).toBe(`Innringer ${MASKED}`);
    const note = await write(agent, 'post', `/api/tickets/${created.body.id}/notes`).send({ body: 'Sjekket １７８５８５ ０００６０' }).expect(201);
    expect(note.body.note.body).toBe(`Sjekket ${MASKED}`);
    expect((await detail(created.body.id)).notes.map((n: { body: string }) => n.body)).toEqual([`Sjekket ${MASKED}`]);
    expect(await storedText(created.body.id)).not.toMatch(/00060/);
  });

  it('masks ready-made replies as they are written', async () => {
    const supervisor = await desk.login('supervisor');
    const reply = await write(supervisor, 'post', '/api/replies').send({ title: 'Eksempel 178585 00060', body: 'Som 178585/00060', language: 'nb' }).expect(201);
    expect(reply.body).toMatchObject({ title: `Eksempel ${MASKED}`, body: `Som ${MASKED}` });
    const changed = await write(supervisor, 'patch', `/api/replies/${reply.body.id}`).send({ body: 'Nå 178585:00060' }).expect(200);
    expect(changed.body.body).toBe(`Nå ${MASKED}`);
  });
});
