import { Sql } from '../../src/database/sql';
import { SearchVocabularyJob } from '../../src/supervision/history/search-vocabulary.job';
import { ask, StaffLogin, startTestApp, TestApp } from '../support/test-app';

describe('the history search finds Norwegian inflections and compounds, and keeps phrases and digits exact', () => {
  let desk: TestApp;
  let supervisor: StaffLogin;
  const chats = new Map<string, string>();

  const found = async (q: string): Promise<string[]> => {
    const response = await desk.http().get('/api/history').query({ q }).set('cookie', supervisor.cookie).expect(200);
    return response.body.items.map((item: { chatId: string }) => [...chats].find(([, id]) => id === item.chatId)?.[0] ?? item.chatId).sort();
  };

  beforeAll(async () => {
    desk = await startTestApp();
    supervisor = await desk.login('supervisor', 'siv');
    const agent = await desk.agent(await desk.login('agent', 'kari'));
    expect(await ask(agent, 'agent:status', { status: 'available' })).toEqual({ ok: true });
    const messages: Record<string, string> = {
      definite: 'Hvorfor er postkassen min tom?',
      nynorsk: 'Eg finn ikkje brevet i postkassa mi',
      plural: 'Vi har to postkasser i husstanden',
      compound: 'Hvordan virker postkasseløsningen deres?',
      other: 'Jeg har glemt passordet til MinID',
      number: 'Saken gjelder kontonummer 12345678903 hos banken',
    };
    for (const [name, message] of Object.entries(messages)) {
      const citizen = await desk.citizen();
      const started = await ask(citizen, 'chat:start', { topic: 'digital-mailbox', message });
      expect(started).toMatchObject({ ok: true });
      expect(await ask(agent, 'chat:accept', { chatId: started.chat.id })).toMatchObject({ ok: true });
      expect(await ask(agent, 'chat:close', { chatId: started.chat.id, outcome: 'resolved' })).toMatchObject({ ok: true });
      citizen.disconnect();
      chats.set(name, started.chat.id);
    }
  }, 60_000);

  afterAll(async () => {
    await desk.close();
  });

  it('finds every form of a word, and compounds that begin with it, from any one form', async () => {
    const everyForm = ['compound', 'definite', 'nynorsk', 'plural'];
    expect(await found('postkasse')).toEqual(everyForm);
    expect(await found('postkassen')).toEqual(everyForm);
    expect(await found('Postkassa')).toEqual(everyForm);
    expect(await found('postkass*')).toEqual(everyForm);
    expect(await found('passord')).toEqual(['other']);
  });

  it('finds the same once PostgreSQL’s vocabulary has taken the new messages’ words in (SQLite reads its index)', async () => {
    const ran = await desk.app.get(SearchVocabularyJob).runRound();
    expect(ran).toBe(desk.app.get(Sql).postgres);
    if (ran) {
      const pending = await desk.app.get(Sql).query<{ n: string }[]>('SELECT COUNT(*) AS n FROM search_terms_pending');
      expect(Number(pending[0].n)).toBe(0);
    }
    const everyForm = ['compound', 'definite', 'nynorsk', 'plural'];
    expect(await found('postkasse')).toEqual(everyForm);
    expect(await found('postkass* passord')).toEqual([]);
    expect(await found('postkass* brev*')).toEqual(['nynorsk']);
    expect(await found('postkasseløsning*')).toEqual(['compound']);
    expect(await found('finnesikke*')).toEqual([]);
  });

  it('marks the form that matched in the snippet', async () => {
    const response = await desk.http().get('/api/history').query({ q: 'postkasse' }).set('cookie', supervisor.cookie).expect(200);
    const nynorsk = response.body.items.find((item: { chatId: string }) => item.chatId === chats.get('nynorsk'));
    expect(nynorsk.snippets[0].text).toContain('<mark>postkassa</mark>');
  });

  it('keeps a quoted word or phrase exact', async () => {
    expect(await found('"postkassen"')).toEqual(['definite']);
    expect(await found('"postkassa mi"')).toEqual(['nynorsk']);
    expect(await found('"postkasse"')).toEqual([]);
  });

  it('never takes digits as a beginning: a number is found whole or not at all', async () => {
    expect(await found('12345678903')).toEqual(['number']);
    expect(await found('1234567890*')).toEqual([]);
    expect(await found('123456')).toEqual([]);
  });
});
