import { startTestApp, StaffLogin, TestApp } from '../support/test-app';

describe('ready-made replies', () => {
  let desk: TestApp;
  let agent: StaffLogin;
  let supervisor: StaffLogin;

  beforeAll(async () => {
    desk = await startTestApp();
    agent = await desk.login('agent');
    supervisor = await desk.login('supervisor');
  });

  afterAll(async () => {
    await desk.close();
  });

  const write = (login: StaffLogin, method: 'post' | 'patch' | 'delete', path: string) =>
    desk.http()[method](path).set('cookie', login.cookie).set('x-csrf-token', login.csrfToken);

  it('lets an agent list the standard replies in bokmål, nynorsk and English', async () => {
    const all = await desk.http().get('/api/replies').set('cookie', agent.cookie).expect(200);
    expect(all.body.items).toHaveLength(18);
    for (const language of ['nb', 'nn', 'en']) {
      expect(all.body.items.filter((r: any) => r.language === language)).toHaveLength(6);
    }
    expect(all.body.items[0]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      body: expect.any(String),
      language: expect.stringMatching(/^(nb|nn|en)$/),
      topic: expect.stringMatching(/^(digital-mailbox|id-porten|other)$/),
      createdBy: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const nynorsk = await desk.http().get('/api/replies?language=nn').set('cookie', agent.cookie).expect(200);
    expect(nynorsk.body.items).toHaveLength(6);
    expect(nynorsk.body.items.every((r: any) => r.language === 'nn')).toBe(true);
  });

  it('finds the change-provider replies when searching for norge, whatever the case', async () => {
    const found = await desk.http().get('/api/replies?q=NORGE').set('cookie', agent.cookie).expect(200);
    const titles = found.body.items.map((r: any) => r.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Bytte leverandør av digital postkasse', 'Byte leverandør av digital postkasse', 'Changing digital mailbox provider']),
    );
    expect(found.body.items.every((r: any) => `${r.title} ${r.body}`.toLowerCase().includes('norge'))).toBe(true);
    const change = found.body.items.find((r: any) => r.language === 'en' && r.title === 'Changing digital mailbox provider');
    expect(change.body).toContain('https://www.norge.no/nb/digital-borger/oppdater-kontaktinformasjon');
    expect(change.body).toContain('pencil icon');

    const nonAscii = await desk.http().get('/api/replies').query({ q: 'BRUKERSTØTTEN' }).set('cookie', agent.cookie).expect(200);
    expect(nonAscii.body.items.map((r: any) => r.title)).toEqual(['Kontakt brukerstøtten']);
  });

  it('refuses writes from an agent and from anyone without a session', async () => {
    const denied = await write(agent, 'post', '/api/replies').send({ title: 'Hei', body: 'Hei!', language: 'nb' }).expect(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    const anonymous = await desk.http().get('/api/replies').expect(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('lets a supervisor create, edit and delete a reply', async () => {
    const created = await write(supervisor, 'post', '/api/replies')
      .send({ title: '  Takk for praten  ', body: 'Takk for at du tok kontakt. Ha en fin dag!', language: 'nb' })
      .expect(201);
    expect(created.body).toMatchObject({ title: 'Takk for praten', language: 'nb', topic: null, createdBy: supervisor.id });
    const id = created.body.id;

    const edited = await write(supervisor, 'patch', `/api/replies/${id}`).send({ body: 'Takk for at du tok kontakt!', topic: 'other' }).expect(200);
    expect(edited.body).toMatchObject({ id, title: 'Takk for praten', body: 'Takk for at du tok kontakt!', topic: 'other' });

    const listed = await desk.http().get('/api/replies?q=takk for praten').set('cookie', agent.cookie).expect(200);
    expect(listed.body.items.map((r: any) => r.id)).toEqual([id]);

    await write(supervisor, 'delete', `/api/replies/${id}`).expect(204);
    const gone = await write(supervisor, 'delete', `/api/replies/${id}`).expect(404);
    expect(gone.body.error.code).toBe('NOT_FOUND');
    const editGone = await write(supervisor, 'patch', `/api/replies/${id}`).send({ title: 'Igjen' }).expect(404);
    expect(editGone.body.error.code).toBe('NOT_FOUND');
    await write(supervisor, 'patch', '/api/replies/not-a-uuid').send({ title: 'Igjen' }).expect(404);
  });

  it('refuses invalid input with VALIDATION naming the fields', async () => {
    const invalid = await write(supervisor, 'post', '/api/replies')
      .send({ title: '', body: 'x'.repeat(4001), language: 'de', topic: 'weather' })
      .expect(400);
    expect(invalid.body.error.code).toBe('VALIDATION');
    expect([...new Set(invalid.body.error.details.map((d: { field: string }) => d.field))].sort()).toEqual(['body', 'language', 'title', 'topic']);

    const missing = await write(supervisor, 'post', '/api/replies').send({ extra: true }).expect(400);
    expect(missing.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['title', 'body', 'language', 'extra']));

    const tooLong = await write(supervisor, 'patch', `/api/replies/00000000-0000-4000-8000-000000000000`).send({ title: 'x'.repeat(121) }).expect(400);
    expect(tooLong.body.error.details).toEqual([expect.objectContaining({ field: 'title' })]);

    const nothing = await write(supervisor, 'patch', `/api/replies/00000000-0000-4000-8000-000000000000`).send({}).expect(400);
    expect(nothing.body.error.code).toBe('VALIDATION');

    const badQuery = await desk.http().get('/api/replies?language=sv').set('cookie', agent.cookie).expect(400);
    expect(badQuery.body.error.details.map((d: { field: string }) => d.field)).toEqual(['language']);
  });

  it('needs the x-csrf-token header on every state-changing request', async () => {
    const reply = { title: 'Uten token', body: 'Skal ikke lagres.', language: 'nb' };
    await desk.http().post('/api/replies').set('cookie', supervisor.cookie).send(reply).expect(403);
    await desk.http().post('/api/replies').set('cookie', supervisor.cookie).set('x-csrf-token', 'wrong').send(reply).expect(403);

    const created = await write(supervisor, 'post', '/api/replies').send(reply).expect(201);
    await desk.http().patch(`/api/replies/${created.body.id}`).set('cookie', supervisor.cookie).send({ title: 'Nei' }).expect(403);
    await desk.http().delete(`/api/replies/${created.body.id}`).set('cookie', supervisor.cookie).expect(403);
    await write(supervisor, 'delete', `/api/replies/${created.body.id}`).expect(204);

    const all = await desk.http().get('/api/replies').set('cookie', agent.cookie).expect(200);
    expect(all.body.items).toHaveLength(18);
  });
});
