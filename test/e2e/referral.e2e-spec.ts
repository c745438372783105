import { acceptedChat } from '../support/accepted-chat';
import { ask, next, startTestApp, TestApp } from '../support/test-app';

// Synthetic people in data/registry.sample.json
const DIGIPOST_PERSON = '17858500060';
const EBOKS_PERSON = '17858507472';

describe('citizen context and the one-click referral', () => {
  let desk: TestApp;

  beforeEach(async () => {
    desk = await startTestApp();
  });

  afterEach(async () => {
    await desk.close();
  });

  it('refers a Digipost citizen in bokmål: context on accept, referral message, ticket and audit record', async () => {
    const { login: agentLogin, agent, citizen, started, accepted } = await acceptedChat(desk, {
      login: await desk.login('agent', 'kari'),
      chat: { nationalId: DIGIPOST_PERSON, language: 'nb' },
    });
    expect(accepted.citizen).toMatchObject({
      nationalId: '178585*****',
      verified: false,
      mailbox: { state: 'digipost', suggestedReferral: 'digipost', contactOutdated: false },
      idporten: { state: 'active' },
    });
    expect(JSON.stringify(accepted)).not.toContain(DIGIPOST_PERSON);

    const received = next(citizen, 'message:new', (m: any) => m.kind === 'referral');
    const referred = await ask(agent, 'chat:refer', { chatId: started.chat.id, provider: 'digipost' });
    expect(referred).toMatchObject({ ok: true, message: { kind: 'referral', author: 'agent' } });
    const message = await received;
    expect(message.body).toContain('Digipost');
    expect(message.body).toContain('22 03 00 00');
    expect(message.body).toContain('https://www.digipost.no/hjelp/');

    await ask(agent, 'chat:close', { chatId: started.chat.id, outcome: 'referred' });
    const ticket = await desk.http().get(`/api/tickets/${started.chat.id}`).set('cookie', agentLogin.cookie).expect(200);
    expect(ticket.body.outcome).toBe('referred');
    expect(ticket.body.events).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'referred', actorName: agentLogin.displayName, data: { provider: 'digipost' } })]),
    );

    const supervisor = await desk.login('supervisor');
    const audit = await desk.http().get(`/api/audit?ticket=${started.chat.id}`).set('cookie', supervisor.cookie).expect(200);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(1);
    expect(audit.body.items[0]).toMatchObject({ actorId: agentLogin.id });
    expect(JSON.stringify(audit.body)).not.toContain(DIGIPOST_PERSON);
  });

  it('refers an e-Boks citizen in nynorsk', async () => {
    const { agent, citizen, started, accepted } = await acceptedChat(desk, { chat: { nationalId: EBOKS_PERSON, language: 'nn' } });
    expect(accepted.citizen.mailbox).toMatchObject({ state: 'e-boks', suggestedReferral: 'e-boks' });

    const received = next(citizen, 'message:new', (m: any) => m.kind === 'referral');
    expect(await ask(agent, 'chat:refer', { chatId: started.chat.id, provider: 'e-boks' })).toMatchObject({ ok: true });
    const message = await received;
    expect(message.body).toContain('e-Boks');
    expect(message.body).toContain('22 89 85 04');
    expect(message.body).toContain('https://brukersupport.e-boks.no/hc/en-us');
  });

  it('refuses a referral to an unknown provider or from an agent who does not have the chat', async () => {
    const { agent, started } = await acceptedChat(desk);
    const other = await desk.agent(await desk.login('agent'));
    expect(await ask(agent, 'chat:refer', { chatId: started.chat.id, provider: 'posten' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ask(other, 'chat:refer', { chatId: started.chat.id, provider: 'digipost' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('delivers a national identity number typed in a message masked, to the agent too', async () => {
    const { agent, citizen } = await acceptedChat(desk);
    const delivered = next(agent, 'message:new', (m: any) => m.author === 'citizen');
    const sent = await ask(citizen, 'message:send', { clientId: 'fnr', body: `Nummeret er ${EBOKS_PERSON}` });
    expect(sent.message.body).toBe('Nummeret er 178585*****');
    expect((await delivered).body).toBe('Nummeret er 178585*****');
  });

  it('opens a phone ticket for an e-Boks caller: context, recorded referral with the details to read out, audit', async () => {
    const agent = await desk.login('agent');
    const created = await desk
      .http()
      .post('/api/tickets')
      .set('cookie', agent.cookie)
      .set('x-csrf-token', agent.csrfToken)
      .send({ channel: 'phone', topic: 'digital-mailbox', summary: 'Innringer finner ikke brev', nationalId: EBOKS_PERSON })
      .expect(201);
    expect(created.body).toMatchObject({ channel: 'phone', status: 'open', nationalId: '178585*****', assignee: { id: agent.id } });

    const context = await desk.http().get(`/api/tickets/${created.body.id}/citizen`).set('cookie', agent.cookie).expect(200);
    expect(context.body.mailbox).toMatchObject({ state: 'e-boks', suggestedReferral: 'e-boks' });

    const referral = await desk
      .http()
      .post(`/api/tickets/${created.body.id}/referral`)
      .set('cookie', agent.cookie)
      .set('x-csrf-token', agent.csrfToken)
      .send({ provider: 'e-boks' })
      .expect(201);
    expect(referral.body).toMatchObject({ provider: 'e-boks', contact: { name: 'e-Boks', phone: expect.stringContaining('22 89 85 04') } });
    expect(referral.body.message).toBeUndefined();

    const ticket = await desk.http().get(`/api/tickets/${created.body.id}`).set('cookie', agent.cookie).expect(200);
    expect(ticket.body.events.map((e: any) => e.type)).toContain('referred');

    const supervisor = await desk.login('supervisor');
    const audit = await desk.http().get(`/api/audit?ticket=${created.body.id}`).set('cookie', supervisor.cookie).expect(200);
    expect(audit.body.items).toHaveLength(1);
  });
});
