import type { Socket } from 'socket.io-client';
import { SqliteReader } from '../../src/database/reader-thread/sqlite-reader';
import { ask, StaffLogin, startTestApp, TestApp } from '../support/test-app';

interface ChatScript {
  topic?: 'digital-mailbox' | 'id-porten' | 'other';
  message: string;
  nationalId?: string;
  reply?: string;
  note?: string;
  provider?: 'digipost' | 'e-boks';
  outcome?: 'resolved' | 'referred' | 'no-response' | 'other';
  rating?: number;
}

/** Plays one chat through the real sockets and returns its id. */
async function playChat(desk: TestApp, agent: Socket, script: ChatScript): Promise<string> {
  const citizen = await desk.citizen();
  const started = await ask(citizen, 'chat:start', { topic: script.topic ?? 'digital-mailbox', message: script.message, ...(script.nationalId ? { nationalId: script.nationalId } : {}) });
  expect(started).toMatchObject({ ok: true });
  const chatId: string = started.chat.id;
  expect(await ask(agent, 'chat:accept', { chatId })).toMatchObject({ ok: true });
  if (script.reply) expect(await ask(agent, 'message:send', { chatId, clientId: `r-${chatId}`, body: script.reply })).toMatchObject({ ok: true });
  if (script.note) expect(await ask(agent, 'note:add', { chatId, body: script.note })).toMatchObject({ ok: true });
  if (script.provider) expect(await ask(agent, 'chat:refer', { chatId, provider: script.provider })).toMatchObject({ ok: true });
  if (script.outcome) expect(await ask(agent, 'chat:close', { chatId, outcome: script.outcome })).toMatchObject({ ok: true });
  if (script.rating) expect(await ask(citizen, 'chat:rate', { score: script.rating })).toMatchObject({ ok: true });
  citizen.disconnect();
  return chatId;
}

/** A small RFC 4180 parser: quoted cells, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('the history of chats for supervisors', () => {
  let desk: TestApp;
  let supervisor: StaffLogin;
  let agentLogin: StaffLogin;
  let agent: Socket;

  const history = (query: Record<string, string | number | boolean>) =>
    desk
      .http()
      .get('/api/history')
      .query(query)
      .set('cookie', supervisor.cookie);

  beforeEach(async () => {
    desk = await startTestApp();
    supervisor = await desk.login('supervisor', 'siv');
    agentLogin = await desk.login('agent', 'kari');
    agent = await desk.agent(agentLogin);
    expect(await ask(agent, 'agent:status', { status: 'available' })).toEqual({ ok: true });
  });

  afterEach(async () => {
    await desk.close();
  });

  it('finds words in citizen and agent messages and in internal notes, marked as notes', async () => {
    const chatId = await playChat(desk, agent, {
      message: 'Jeg finner ikke kvitteringen fra Skatteetaten <script>',
      reply: 'Sjekk innboksen i Digipost, der ligger kontoutskriften.',
      note: 'Innbyggeren virket stresset, mulig dobbeltregistrering.',
      outcome: 'resolved',
    });
    await playChat(desk, agent, { message: 'Noe helt annet om passord', outcome: 'other' });

    const citizenWord = (await history({ q: 'kvitteringen' }).expect(200)).body;
    expect(citizenWord.items).toHaveLength(1);
    expect(citizenWord.items[0]).toMatchObject({ chatId, status: 'closed', channel: 'chat', outcome: 'resolved', agent: { id: agentLogin.id, displayName: agentLogin.displayName } });
    expect(citizenWord.items[0].snippets[0]).toMatchObject({ source: 'message', author: 'citizen', seq: 1 });
    expect(citizenWord.items[0].snippets[0].text).toContain('<mark>kvitteringen</mark>');
    expect(citizenWord.items[0].snippets[0].text).toContain('&lt;script&gt;');

    const agentWord = (await history({ q: 'kontoutskriften' }).expect(200)).body;
    expect(agentWord.items.map((i: any) => i.chatId)).toEqual([chatId]);
    expect(agentWord.items[0].snippets[0]).toMatchObject({ source: 'message', author: 'agent', seq: expect.any(Number) });

    const noteWord = (await history({ q: 'dobbeltregistrering' }).expect(200)).body;
    expect(noteWord.items.map((i: any) => i.chatId)).toEqual([chatId]);
    expect(noteWord.items[0].snippets[0]).toMatchObject({ source: 'note', author: agentLogin.displayName });
    expect(noteWord.items[0].snippets[0].text).toContain('<mark>dobbeltregistrering</mark>');

    // Two words must both occur; diacritics and case do not matter; a prefix with *.
    expect((await history({ q: 'SKATTEETATEN kvitteringen' }).expect(200)).body.items).toHaveLength(1);
    expect((await history({ q: 'skatteetaten passord' }).expect(200)).body.items).toHaveLength(0);
    expect((await history({ q: 'kvittering*' }).expect(200)).body.items).toHaveLength(1);
  });

  it('finds national identity numbers only in their masked form', async () => {
    const chatId = await playChat(desk, agent, { message: 'Fødselsnummeret mitt er 17858500060, hjelp', outcome: 'resolved' });
    const masked = (await history({ q: '178585' }).expect(200)).body;
    expect(masked.items.map((i: any) => i.chatId)).toEqual([chatId]);
    expect(masked.items[0].snippets[0].text).toContain('<mark>178585</mark>*****');
    expect(JSON.stringify(masked)).not.toContain('17858500060');
    // The full number is masked before searching: it finds the same chat, and never more than the mask.
    expect((await history({ q: '17858500060' }).expect(200)).body.items.map((i: any) => i.chatId)).toEqual([chatId]);
    expect((await history({ q: '00060' }).expect(200)).body.items).toHaveLength(0);
    expect((await history({ q: '1785850006*' }).expect(200)).body.items).toHaveLength(0);
  });

  it('combines filters with the text search', async () => {
    const other = await desk.login('agent', 'ola');
    const otherAgent = await desk.agent(other);
    expect(await ask(otherAgent, 'agent:status', { status: 'available' })).toEqual({ ok: true });

    const a = await playChat(desk, agent, { topic: 'digital-mailbox', message: 'brevet kom ikke', provider: 'digipost', outcome: 'referred', rating: 5 });
    desk.clock.advance(60_000);
    const b = await playChat(desk, agent, { topic: 'id-porten', message: 'brevet og innlogging', outcome: 'resolved', rating: 2 });
    desk.clock.advance(60_000);
    const c = await playChat(desk, otherAgent, { topic: 'digital-mailbox', message: 'brevet igjen', provider: 'e-boks', outcome: 'referred', rating: 5 });
    desk.clock.advance(60_000);
    const d = await playChat(desk, otherAgent, { topic: 'digital-mailbox', message: 'ingenting om post', outcome: 'resolved' });

    const ids = async (query: Record<string, string | number | boolean>) => (await history(query).expect(200)).body.items.map((i: any) => i.chatId);
    expect(await ids({ q: 'brevet' })).toEqual([c, b, a]);
    expect(await ids({})).toEqual([d, c, b, a]);
    expect(await ids({ q: 'brevet', topic: 'digital-mailbox' })).toEqual([c, a]);
    expect(await ids({ q: 'brevet', topic: 'digital-mailbox', agent: agentLogin.id })).toEqual([a]);
    expect(await ids({ q: 'brevet', outcome: 'referred', provider: 'e-boks' })).toEqual([c]);
    expect(await ids({ q: 'brevet', rating: 5 })).toEqual([c, a]);
    expect(await ids({ rating: 5, agent: other.id })).toEqual([c]);
    expect(await ids({ q: 'brevet', verified: false, outcome: 'resolved' })).toEqual([b]);
    expect(await ids({ q: 'brevet', verified: true })).toEqual([]);
    const bTime = (await history({ q: 'innlogging' }).expect(200)).body.items[0].createdAt;
    expect(await ids({ from: bTime })).toEqual([d, c, b]);
    expect(await ids({ q: 'brevet', from: bTime, to: new Date(Date.parse(bTime) + 1).toISOString() })).toEqual([b]);
  });

  it('pages through every chat exactly once, also chats started in the same millisecond', async () => {
    const citizens: Socket[] = [];
    const started: string[] = [];
    for (let i = 0; i < 13; i += 1) {
      if (i % 5 === 0) desk.clock.advance(1000);
      const citizen = await desk.citizen();
      citizens.push(citizen);
      const answer = await ask(citizen, 'chat:start', { topic: 'other', message: `Spørsmål nummer ${i} om skjemaet` });
      expect(answer).toMatchObject({ ok: true });
      started.push(answer.chat.id);
    }
    for (const query of [{ q: 'skjemaet' }, {}] as Record<string, string>[]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = (await history({ ...query, limit: 4, ...(cursor ? { cursor } : {}) }).expect(200)).body;
        seen.push(...page.items.map((i: any) => i.chatId));
        const times = page.items.map((i: any) => i.createdAt);
        expect([...times].sort().reverse()).toEqual(times);
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen).toHaveLength(13);
      expect(new Set(seen)).toEqual(new Set(started));
    }
    citizens.forEach((c) => c.disconnect());
  });

  it("shows each chat's own first three matches, also for chats started in the same millisecond", async () => {
    const words = ['alfa', 'bravo', 'charlie'];
    const chats: string[] = [];
    for (const word of words) {
      const citizen = await desk.citizen();
      const started = await ask(citizen, 'chat:start', { topic: 'other', message: `Kvittering ${word} en` });
      const chatId: string = started.chat.id;
      expect(await ask(agent, 'chat:accept', { chatId })).toMatchObject({ ok: true });
      for (const n of ['to', 'tre', 'fire']) {
        expect(await ask(agent, 'message:send', { chatId, clientId: `${word}-${n}`, body: `Kvittering ${word} ${n}` })).toMatchObject({ ok: true });
      }
      chats.push(chatId);
      citizen.disconnect();
    }
    // On SQLite, what the snippet read returns: three rows per chat, not every match.
    const snippetRows: number[] = [];
    const reader = desk.app.get(SqliteReader);
    const read = reader.query.bind(reader);
    jest.spyOn(reader, 'query').mockImplementation(async (sql, params, deadline, firstPerKey) => {
      const rows = await read<unknown[]>(sql, params, deadline, firstPerKey);
      if (sql.includes('snippet(')) snippetRows.push(rows.length);
      return rows;
    });
    const found = (await history({ q: 'kvittering' }).expect(200)).body;
    expect(new Set(found.items.map((i: any) => i.chatId))).toEqual(new Set(chats));
    for (const item of found.items) {
      const word = words[chats.indexOf(item.chatId)];
      expect(item.snippets.map((s: any) => s.text.replace(/<\/?mark>/g, ''))).toEqual([`Kvittering ${word} en`, `Kvittering ${word} to`, `Kvittering ${word} tre`]);
    }
    expect(snippetRows).toEqual(process.env.TEST_DATABASE === 'postgres' ? [] : [9]);
  });

  it('answers a bad search with 400 VALIDATION, never 500', async () => {
    for (const q of ['***', '" "', 'a b c d e f g h i j k']) {
      const response = await history({ q }).expect(400);
      expect(response.body.error.code).toBe('VALIDATION');
    }
    for (const q of ['NEAR(a b)', 'col:brevet', '"unclosed', 'a AND', '^x', '-y', '{a b}: c']) {
      await history({ q }).expect(200);
    }
    expect((await history({ cursor: 'not-a-cursor' }).expect(400)).body.error.code).toBe('VALIDATION');
    expect((await history({ rating: 9 }).expect(400)).body.error.code).toBe('VALIDATION');
    expect((await history({ unknown: 'x' }).expect(400)).body.error.code).toBe('VALIDATION');
  });

  it('exports one CSV row per chat that parses back to the same rows, formulas neutralised', async () => {
    const first = await playChat(desk, agent, { message: '=HYPERLINK("http://evil.example","klikk"), "sitat" og komma', outcome: 'resolved', rating: 4 });
    desk.clock.advance(1000);
    await playChat(desk, agent, { message: 'Vanlig spørsmål\nover to linjer', provider: 'digipost', outcome: 'referred' });

    const response = await desk.http().get('/api/history/export.csv').set('cookie', supervisor.cookie).buffer(true).parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('attachment');
    const [header, ...rows] = parseCsv(response.body as string);
    expect(header).toEqual(['reference', 'chat_id', 'created_at', 'closed_at', 'channel', 'topic', 'status', 'agent', 'outcome', 'referred_provider', 'rating', 'verified', 'preview', 'matches']);

    const items = (await history({}).expect(200)).body.items;
    expect(rows).toHaveLength(items.length);
    expect(rows.map((r) => r[1])).toEqual(items.map((i: any) => i.chatId));
    rows.forEach((row, n) => {
      const item = items[n];
      expect(row.slice(0, 12)).toEqual([
        item.reference,
        item.chatId,
        item.createdAt,
        item.closedAt ?? '',
        item.channel,
        item.topic,
        item.status,
        item.agent?.displayName ?? '',
        item.outcome ?? '',
        item.referredProvider ?? '',
        item.rating === null ? '' : String(item.rating),
        String(item.verified),
      ]);
    });
    const firstRow = rows.find((r) => r[1] === first)!;
    expect(firstRow[12]).toBe(`'=HYPERLINK("http://evil.example","klikk"), "sitat" og komma`);
    expect(rows.find((r) => r[1] !== first)![12]).toBe('Vanlig spørsmål\nover to linjer');

    const filtered = await desk.http().get('/api/history/export.csv').query({ q: 'linjer' }).set('cookie', supervisor.cookie).buffer(true);
    const [, ...matched] = parseCsv(filtered.text);
    expect(matched).toHaveLength(1);
    expect(matched[0][13]).toContain('linjer');
    expect((await desk.http().get('/api/history/export.csv').query({ q: '***' }).set('cookie', supervisor.cookie).expect(400)).body.error.code).toBe('VALIDATION');
  });

  it('answers a refused export opened in a browser tab with a readable page, and scripts with JSON', async () => {
    const opened = (query: object, cookie = supervisor.cookie) =>
      desk.http().get('/api/history/export.csv').query(query).set('cookie', cookie).set('sec-fetch-mode', 'navigate').set('accept', 'text/html');
    const page = await opened({ q: '***' }).expect(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Forespørselen er ugyldig');
    const stranger = await opened({ q: 'brevet' }, '').expect(303);
    expect(stranger.headers.location).toBe(`/login?next=${encodeURIComponent('/api/history/export.csv?q=brevet')}`);
    const script = await desk.http().get('/api/history/export.csv').query({ q: '***' }).set('cookie', supervisor.cookie).set('accept', 'text/html').expect(400);
    expect(script.body.error.code).toBe('VALIDATION');
  });

  it('is for supervisors only: agents get 403 on every supervisor route, strangers 401', async () => {
    const routes = ['/api/history', '/api/history?q=brevet', '/api/history/export.csv', '/api/metrics/summary', '/api/audit'];
    for (const route of routes) {
      const forbidden = await desk.http().get(route).set('cookie', agentLogin.cookie).expect(403);
      expect(forbidden.body.error.code).toBe('FORBIDDEN');
      await desk.http().get(route).expect(401);
      await desk.http().get(route).set('cookie', supervisor.cookie).expect(200);
    }
    const admin = await desk.login('admin');
    await desk.http().get('/api/history').set('cookie', admin.cookie).expect(200);
  });
});
