import type { Socket } from 'socket.io-client';
import { ChatSweeper } from '../../src/chat/chat-sweeper';
import { acceptedChat } from '../support/accepted-chat';
import { ask, next, startTestApp, TestApp, VALID_CHAT } from '../support/test-app';

// 14:50 in Oslo on a weekday; the drain (30 minutes) is over at 15:31.
const BEFORE_CLOSING = '2026-11-24T13:50:00Z';
const AFTER_DRAIN = '2026-11-24T14:31:00Z';

describe('a chat turned into a ticket asks the citizen for a way back', () => {
  let desk: TestApp;

  beforeEach(async () => {
    desk = await startTestApp({ now: BEFORE_CLOSING, env: { QUEUE_DRAIN_MINUTES: '30' } });
  });

  afterEach(async () => {
    await desk.close();
  });

  async function queuedUntilClosing(language: 'nb' | 'en' = 'nb'): Promise<{ citizen: Socket; chat: any; token: string }> {
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', { ...VALID_CHAT, language });
    return { citizen, chat: started.chat, token: started.token };
  }

  async function closeTheDay(): Promise<void> {
    desk.clock.set(AFTER_DRAIN);
    await desk.app.get(ChatSweeper).sweep();
  }

  async function ticket(cookie: string, id: string): Promise<any> {
    return (await desk.http().get(`/api/tickets/${id}`).set('cookie', cookie).expect(200)).body;
  }

  it('asks in the chat, in the citizen’s language, stores the answer on the ticket with an event, and confirms it', async () => {
    const { citizen, chat, token } = await queuedUntilClosing('en');
    const asked = next(citizen, 'message:new', (m: any) => m.author === 'system');
    await closeTheDay();
    expect((await asked).body).toContain('How do you want our answer?');

    const resumed = await ask(citizen, 'chat:resume', { token });
    expect(resumed.chat).toMatchObject({ status: 'open', askContact: true });

    const confirmed = next(citizen, 'message:new', (m: any) => m.author === 'system' && m.body.includes('e-mail'));
    const ack = await ask(citizen, 'ticket:contact', { email: ' Kari.Nordmann@example.no ', phone: '' });
    expect(ack).toEqual({ ok: true, contact: { email: 'Kari.Nordmann@example.no' } });
    await confirmed;

    const login = await desk.login('agent');
    const stored = await ticket(login.cookie, chat.id);
    expect(stored.contact).toEqual({ email: 'Kari.Nordmann@example.no' });
    expect(stored.events.map((e: any) => e.type)).toContain('contact-left');
    expect(stored.events.find((e: any) => e.type === 'contact-left').data).toEqual({ email: true, phone: false });
    expect((await ask(citizen, 'chat:resume', { token })).chat.askContact).toBeUndefined();

    // The mail channel answers to the address the citizen gave.
    const mail = await desk.http().get(`/api/tickets/${chat.id}/mail`).set('cookie', login.cookie).expect(200);
    expect(mail.body.replyTo).toBe('Kari.Nordmann@example.no');

    const page = await desk.http().get(`/agent/tickets/${chat.id}`).set('cookie', login.cookie).expect(200);
    expect(page.text).toContain('Kari.Nordmann@example.no');
    expect(page.text).not.toContain('data-no-way-back');
  });

  it('takes the address once: a second answer is refused and changes nothing', async () => {
    const { citizen, chat } = await queuedUntilClosing();
    await closeTheDay();
    expect(await ask(citizen, 'ticket:contact', { phone: '+47 900 00 000' })).toEqual({ ok: true, contact: { phone: '+47 900 00 000' } });
    expect(await ask(citizen, 'ticket:contact', { email: 'someone@example.no' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const login = await desk.login('agent');
    expect((await ticket(login.cookie, chat.id)).contact).toEqual({ phone: '+47 900 00 000' });
  });

  it('refuses a bad e-mail, an empty answer and a national identity number, storing nothing', async () => {
    const { citizen, chat } = await queuedUntilClosing();
    await closeTheDay();
    expect(await ask(citizen, 'ticket:contact', { email: 'not-an-address' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'email' }] } });
    expect(await ask(citizen, 'ticket:contact', { email: '', phone: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A national identity number typed as a phone number (with or without spaces) is refused, never stored.
    expect(await ask(citizen, 'ticket:contact', { phone: '178585 00060' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'phone' }] } });
    expect(await ask(citizen, 'ticket:contact', { email: '17858500060@example.no' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'email' }] } });
    const login = await desk.login('agent');
    const stored = await ticket(login.cookie, chat.id);
    expect(stored.contact).toEqual({});
    expect(stored.events.map((e: any) => e.type)).not.toContain('contact-left');
  });

  it('is only for a chat that became a ticket, and only for that chat', async () => {
    const { citizen: other } = await queuedUntilClosing();
    expect(await ask(other, 'ticket:contact', { email: 'early@example.no' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const { chat } = await queuedUntilClosing();
    await closeTheDay();

    // Another chat's token reaches only its own chat: this one, ended by its citizen, is no ticket to answer.
    desk.clock.set(BEFORE_CLOSING);
    const stranger = await desk.citizen();
    await ask(stranger, 'chat:start', VALID_CHAT);
    await ask(stranger, 'chat:end');
    expect(await ask(stranger, 'ticket:contact', { email: 'stranger@example.no' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const anonymous = await desk.citizen();
    expect(await ask(anonymous, 'ticket:contact', { email: 'anon@example.no' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const login = await desk.login('agent');
    expect((await ticket(login.cookie, chat.id)).contact).toEqual({});
  });

  it('shows plainly on the staff ticket page when the citizen left no way back', async () => {
    const { chat } = await queuedUntilClosing();
    await closeTheDay();
    const login = await desk.login('agent');
    const page = await desk.http().get(`/agent/tickets/${chat.id}`).set('cookie', login.cookie).expect(200);
    expect(page.text).toContain('data-no-way-back');
    expect(page.text).toMatch(/Ingen måte å svare på: innbyggeren har ikke lagt igjen e-post eller telefon/);
  });

  describe('when the agent makes the chat a ticket', () => {
    it('ends the chat, keeps the ticket with the agent, frees the slot, and asks the citizen for a way back', async () => {
      const { agent, citizen, login, chatId, started } = await acceptedChat(desk);
      const ended = next(citizen, 'chat:ended');
      const told = next(citizen, 'message:new', (m: any) => m.author === 'system' && m.body.includes(started.chat.reference));
      expect(await ask(agent, 'chat:toTicket', { chatId })).toEqual({ ok: true });
      expect(await ended).toEqual({ by: 'agent', outcome: 'ticket' });
      const message = await told;
      expect(message.body).toContain(`har gjort spørsmålet ditt til sak ${started.chat.reference}`);
      expect(message.body).toContain('Hvordan vil du ha svaret vårt?');

      // Nothing to rate: it did not end as a chat. The citizen's answer reaches the ticket.
      expect((await ask(citizen, 'chat:resume', { token: started.token })).chat).toMatchObject({ status: 'open', askContact: true });
      expect(await ask(citizen, 'chat:rate', { score: 5 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(await ask(citizen, 'ticket:contact', { email: 'kari@example.no' })).toEqual({ ok: true, contact: { email: 'kari@example.no' } });

      const stored = await ticket(login.cookie, chatId);
      expect(stored).toMatchObject({ status: 'open', assignee: { id: login.id }, contact: { email: 'kari@example.no' } });
      expect(stored.events.find((e: any) => e.type === 'converted-to-ticket')).toMatchObject({ actorName: login.displayName, data: { reason: 'agent' } });
      const page = await desk.http().get(`/agent/tickets/${chatId}`).set('cookie', login.cookie).expect(200);
      expect(page.text).toContain('av rådgiveren i chatten');
      expect(page.text).not.toMatch(/reason: |email: true/);

      const supervisor = await desk.agent(await desk.login('supervisor'));
      const board = await ask(supervisor, 'board:get', {});
      expect(board.board.agents.find((a: any) => a.id === login.id).load).toBe(0);
      expect(await ask(agent, 'chat:toTicket', { chatId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    });

    it('is refused to another agent and for a chat still in the queue, changing nothing', async () => {
      const { chatId } = await acceptedChat(desk);
      const other = await desk.agent(await desk.login('agent'));
      expect(await ask(other, 'chat:toTicket', { chatId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const { chat } = await queuedUntilClosing();
      expect(await ask(other, 'chat:toTicket', { chatId: chat.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const login = await desk.login('supervisor');
      expect((await ticket(login.cookie, chatId)).status).toBe('active');
      expect((await ticket(login.cookie, chat.id)).status).toBe('queued');
    });
  });
});
