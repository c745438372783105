import type { Socket } from 'socket.io-client';
import { AuditService } from '../../src/audit/audit.service';
import { Sql } from '../../src/database/sql';
import { RetentionService } from '../../src/retention/retention.service';
import { SearchVocabularyJob } from '../../src/supervision/history/search-vocabulary.job';
import { storeInboundMail } from '../support/mail-tickets';
import { queueDirectly, write } from '../support/mail-desk';
import { ask, OPEN_INSTANT, StaffLogin, startTestApp, TestApp } from '../support/test-app';

const KARI_NID = '17858500060';
const OLA_NID = '22859197810';
// Kari's brother, on the family's shared e-mail address and phone.
const PER_NID = '03899210041';
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const TABLES = ['messages', 'notes', 'ticket_events', 'mails', 'attachments', 'search_docs'];

describe('the citizen’s rights under the GDPR: find, export, erase', () => {
  let desk: TestApp;
  let supervisor: StaffLogin;
  let agent: Socket;
  const kari: Record<string, string> = {};
  const ola: Record<string, string> = {};
  let perTicket: string;

  const sql = () => desk.app.get(Sql);
  const count = async (query: string, params: unknown[]) => Number((await sql().query<{ n: number | string }[]>(query, params))[0].n);
  /** Documents of the search index holding a word, in either database's own index. */
  const indexed = (word: string) =>
    sql().postgres
      ? count(`SELECT COUNT(*) AS n FROM search_docs WHERE document @@ to_tsquery('simple', ?)`, [word])
      : count(`SELECT COUNT(*) AS n FROM search_index WHERE search_index MATCH ?`, [word]);
  const post = (login: StaffLogin, path: string, body: object) => write(desk, login, 'post', path).send(body);

  /** A chat through the real sockets: typed number, a reply, a note, closed and rated. */
  async function ratedChat(nationalId: string | undefined, message: string, note: string, language: string): Promise<string> {
    const citizen = await desk.citizen();
    const started = await ask(citizen, 'chat:start', { topic: 'digital-mailbox', message, language, ...(nationalId ? { nationalId } : {}) });
    const chatId: string = started.chat.id;
    expect(await ask(agent, 'chat:accept', { chatId })).toMatchObject({ ok: true });
    expect(await ask(agent, 'message:send', { chatId, clientId: `r-${chatId}`, body: 'Svar fra rådgiveren' })).toMatchObject({ ok: true });
    expect(await ask(agent, 'note:add', { chatId, body: note })).toMatchObject({ ok: true });
    expect(await ask(agent, 'chat:close', { chatId, outcome: 'resolved' })).toMatchObject({ ok: true });
    expect(await ask(citizen, 'chat:rate', { score: 4, comment: 'Greit nok' })).toMatchObject({ ok: true });
    citizen.disconnect();
    return chatId;
  }

  async function personData(nationalId: string, email: string, phone: string, word: string, into: Record<string, string>) {
    const agentLogin = await desk.login('agent');
    const phoneTicket = await post(agentLogin, '/api/tickets', { channel: 'phone', topic: 'other', summary: `Ringte om ${word}`, nationalId, phone, language: 'nb' }).expect(201);
    into.phoneTicket = phoneTicket.body.id;
    await post(agentLogin, `/api/tickets/${into.phoneTicket}/notes`, { body: `Telefonnotat ${word}` }).expect(201);
    const mail = await storeInboundMail(desk, { from: email, subject: `E-post om ${word}`, body: `Epostbrev ${word}`, attachment: { filename: `${word}.pdf`, contentType: 'application/pdf', content: PDF } });
    into.mailTicket = mail.ticketId;
    await queueDirectly(desk, { ticketId: mail.ticketId, headerMessageId: `<ack-${word}@digdir.no>`, toAddress: email, body: `Kvittering ${word}` });
    // The citizen's ID-porten log-in, as the session store keeps it.
    const session = { cookie: { path: '/' }, citizenIdentity: { pid: nationalId, acr: 'idporten-loa-high', amr: ['BankID'], authTime: null } };
    await sql().query('INSERT INTO sessions (sid, data, user_id, expires_at) VALUES (?, ?, NULL, ?)', [`sid-${word}`, JSON.stringify(session), sql().time(new Date('2027-01-01T00:00:00Z'))]);
    desk.clock.advance(60_000); // the chat is the latest contact: its language is the document's
    into.chat = await ratedChat(nationalId, `Chatmelding ${word}`, `Chatnotat ${word}`, 'en');
  }

  async function availableAgent(): Promise<Socket> {
    const socket = await desk.agent(await desk.login('agent'));
    expect(await ask(socket, 'agent:status', { status: 'available' })).toEqual({ ok: true });
    return socket;
  }

  beforeAll(async () => {
    desk = await startTestApp({ env: { RETENTION_DAYS: '30' }, now: '2026-10-01T10:00:00Z' });
    // An older chat already counted into the anonymous archive by retention.
    agent = await availableAgent();
    await ratedChat(undefined, 'En gammel chat', 'Gammelt notat', 'nb');
    agent.disconnect();
    desk.clock.set(OPEN_INSTANT);
    expect((await desk.app.get(RetentionService).run(desk.clock.now())).removed).toBe(1);
    supervisor = await desk.login('supervisor');
    agent = await availableAgent();
    await personData(KARI_NID, 'kari@example.no', '+47 912 34 567', 'karisak', kari);
    await personData(OLA_NID, 'ola@example.no', '98765432', 'olasak', ola);
    const agentLogin = await desk.login('agent');
    const per = { channel: 'phone', topic: 'other', summary: 'Ringte om persak', nationalId: PER_NID, email: 'kari@example.no', phone: '0047 912 34 567', language: 'nb' };
    perTicket = (await post(agentLogin, '/api/tickets', per).expect(201)).body.id;
  });

  afterAll(async () => {
    await desk?.close();
  });

  it('refuses an agent on every route, and asks for at least one valid key', async () => {
    const agentLogin = await desk.login('agent');
    for (const path of ['/api/privacy/search', '/api/privacy/export', '/api/privacy/erasure/dry-run', '/api/privacy/erasure']) {
      const refused = await post(agentLogin, path, { nationalId: KARI_NID, format: 'json', reason: 'Ba om sletting', confirm: true }).expect(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
    await desk.http().get('/supervisor/privacy').set('cookie', agentLogin.cookie).expect(403);
    expect((await post(supervisor, '/api/privacy/search', {}).expect(400)).body.error.code).toBe('VALIDATION');
    expect((await post(supervisor, '/api/privacy/search', { nationalId: '12345678901' }).expect(400)).body.error.code).toBe('VALIDATION');
    expect((await post(supervisor, '/api/privacy/search', { email: 'not an address' }).expect(400)).body.error.code).toBe('VALIDATION');
  });

  it('finds the person by number, e-mail address and phone, each audited, the number masked', async () => {
    const byNumber = (await post(supervisor, '/api/privacy/search', { nationalId: KARI_NID }).expect(200)).body;
    expect(byNumber.person.nationalId).toBe('178585*****');
    expect(byNumber.tickets.map((t: { id: string }) => t.id).sort()).toEqual([kari.phoneTicket, kari.chat].sort());
    // Without a number, a ticket that carries one may be someone else's on a shared address or phone: held back and counted.
    const byEmail = (await post(supervisor, '/api/privacy/search', { email: 'KARI@example.no' }).expect(200)).body;
    expect(byEmail).toMatchObject({ tickets: [{ id: kari.mailTicket }], withheld: 1 });
    const byPhone = (await post(supervisor, '/api/privacy/search', { phone: '91234567' }).expect(200)).body;
    expect(byPhone).toMatchObject({ tickets: [], withheld: 2 });
    const all = (await post(supervisor, '/api/privacy/search', { nationalId: KARI_NID, email: 'kari@example.no' }).expect(200)).body;
    expect(all.counts).toMatchObject({ tickets: 3, notes: 2, attachments: 1, mails: 1, outbox: 1, ratings: 1, sessions: 1 });
    expect(all.withheld).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'privacy.search' AND actor_id = ?", [supervisor.id])).toBe(4);
    expect(await count('SELECT COUNT(*) AS n FROM audit_log WHERE subject = ?', [KARI_NID])).toBe(0);
  });

  it('exports every kind of the person’s records and nothing of anyone else, as JSON and as a document in their language', async () => {
    const keys = { nationalId: KARI_NID, email: 'kari@example.no', phone: '+4791234567' };
    // Looked up once each: the export shows Kari's look-up, not Ola's, and not who made it.
    for (const chat of [kari.chat, ola.chat]) await desk.http().get(`/api/tickets/${chat}/citizen`).set('cookie', supervisor.cookie).expect(200);
    const json = await post(supervisor, '/api/privacy/export', { ...keys, format: 'json' }).expect(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="innsyn-\d{4}-\d\d-\d\d\.json"$/);
    const data = JSON.parse(json.text);
    const { records } = data;
    expect(records.tickets.map((t: { id: string }) => t.id).sort()).toEqual([kari.phoneTicket, kari.mailTicket, kari.chat].sort());
    for (const kind of ['messages', 'notes', 'attachments', 'mails', 'outbox', 'events', 'ratings']) expect(records[kind].length).toBeGreaterThan(0);
    expect(records.attachments[0]).toMatchObject({ filename: 'karisak.pdf', contentBase64: PDF.toString('base64') });
    expect(records.ratings[0]).toMatchObject({ score: 4, comment: 'Greit nok' });
    expect(json.text).toContain('Telefonnotat karisak');
    expect(json.text).toContain('Kvittering karisak');
    expect(json.text).not.toMatch(/olasak|ola@example|22859197810|persak|03899210041/);
    const lookupsOf = (ticketIds: string[]) =>
      count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'citizen.lookup' AND ticket_id IN (${ticketIds.map(() => '?').join(', ')})`, ticketIds);
    const karis = await lookupsOf([kari.phoneTicket, kari.mailTicket, kari.chat]);
    expect(karis).toBeGreaterThan(0);
    expect(await lookupsOf([ola.chat])).toBeGreaterThan(0);
    const contextLookups = data.lookups.filter((lookup: { action: string }) => lookup.action === 'citizen.lookup');
    expect(contextLookups).toHaveLength(karis);
    expect(contextLookups[0]).toEqual({ at: expect.any(String), action: 'citizen.lookup', sources: ['krr', 'idporten'] });
    expect(data.lookups.map((lookup: { action: string }) => lookup.action)).toContain('privacy.search');
    expect(JSON.stringify(data.lookups)).not.toContain(supervisor.displayName);

    const html = await post(supervisor, '/api/privacy/export', { ...keys, format: 'html' }).expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-disposition']).toMatch(/\.html"$/);
    expect(html.text).toContain('<html lang="en">');
    expect(html.text).toContain('Right of access');
    expect(html.text).toContain('Chatmelding karisak');
    expect(html.text).toContain('Look-ups of your data');
    expect(html.text).toContain('Your digital mailbox and ID-porten status, in a conversation (Sources: the Common Contact Register (KRR), ID-porten)');
    expect(html.text).toContain('Access: an export of your data');
    expect(html.text).not.toContain('olasak');
    const audit = await sql().query<{ outcome: string; actor_id: string }[]>("SELECT outcome, actor_id FROM audit_log WHERE action = 'privacy.export'");
    const formats = audit.map((record) => (JSON.parse(String(record.outcome)) as Record<string, string>).format).sort();
    expect(formats).toEqual(['html', 'json']);
    expect(audit.every((record) => record.actor_id === supervisor.id)).toBe(true);
  });

  it('escapes what the person wrote in the document', async () => {
    const agentLogin = await desk.login('agent');
    const ticket = await post(agentLogin, '/api/tickets', { channel: 'phone', topic: 'other', summary: '<script>alert(1)</script>', phone: '40000000' }).expect(201);
    const html = await post(supervisor, '/api/privacy/export', { phone: '40000000', format: 'html' }).expect(200);
    expect(html.text).not.toContain('<script>alert');
    expect(html.text).toContain('&lt;script&gt;');
    expect(ticket.body.id).toBeTruthy();
  });

  it('writes nothing when any part of the erasure fails: one transaction', async () => {
    const keys = { nationalId: KARI_NID };
    const dry = (await post(supervisor, '/api/privacy/erasure/dry-run', keys).expect(200)).body;
    jest.spyOn(desk.app.get(AuditService), 'recordIn').mockRejectedValueOnce(new Error('the audit log is unavailable'));
    await post(supervisor, '/api/privacy/erasure', { ...keys, reason: 'Ba om sletting', confirm: true, confirmation: dry.confirmation }).expect(500);
    expect(await count('SELECT COUNT(*) AS n FROM tickets WHERE national_id = ?', [KARI_NID])).toBe(2);
    expect(await count(`SELECT COUNT(*) AS n FROM notes WHERE ticket_id IN (?, ?)`, [kari.phoneTicket, kari.chat])).toBe(2);
    expect(await indexed('karisak')).toBeGreaterThan(0);
    expect(await count('SELECT COUNT(*) AS n FROM sessions WHERE sid = ?', ['sid-karisak'])).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'privacy.erase'", [])).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM metrics_daily', [])).toBe(1); // retention's row only
  });

  it('erases only after a dry run and a matching, fresh confirmation, in full, leaving the other person and the metrics as they were', async () => {
    const keys = { nationalId: KARI_NID, email: 'kari@example.no' };
    const ids = [kari.phoneTicket, kari.mailTicket, kari.chat];
    const rowsOf = async (ticketIds: string[]) => {
      const counts: Record<string, number> = { tickets: await count(`SELECT COUNT(*) AS n FROM tickets WHERE id IN (${ticketIds.map(() => '?').join(', ')})`, ticketIds) };
      for (const table of TABLES) counts[table] = await count(`SELECT COUNT(*) AS n FROM ${table} WHERE ticket_id IN (${ticketIds.map(() => '?').join(', ')})`, ticketIds);
      return counts;
    };
    // PostgreSQL's search vocabulary (SQLite's is a view of its index, checked by `indexed`).
    const inVocabulary = async (word: string) => (await sql().query<unknown[]>('SELECT term FROM search_terms WHERE term = ?', [word])).length > 0;
    if (await desk.app.get(SearchVocabularyJob).runRound()) expect(await inVocabulary('karisak')).toBe(true);
    const olaBefore = await rowsOf([ola.phoneTicket, ola.mailTicket, ola.chat]);
    const olaIndexed = await indexed('olasak');
    expect(await indexed('karisak')).toBeGreaterThan(0);
    const metrics = async () =>
      (await desk.http().get('/api/metrics/summary').query({ from: '2026-10-01T00:00:00Z', to: '2026-11-25T00:00:00Z' }).set('cookie', supervisor.cookie).expect(200)).body;
    const metricsBefore = await metrics();
    const archivedBefore = await sql().query('SELECT * FROM metrics_daily ORDER BY id');
    expect(archivedBefore).toHaveLength(1);

    const erase = (body: object) => post(supervisor, '/api/privacy/erasure', { ...keys, reason: 'Ba om sletting på telefon', confirm: true, ...body });
    expect((await erase({}).expect(409)).body.error.code).toBe('CONFIRMATION_REQUIRED');

    const dry = (await post(supervisor, '/api/privacy/erasure/dry-run', keys).expect(200)).body;
    expect(dry.counts).toMatchObject({ tickets: 3, notes: 2, attachments: 1, mails: 1, outbox: 1, ratings: 1, sessions: 1 });
    expect(dry.liveChats).toEqual([]);
    expect(await rowsOf(ids)).toMatchObject({ tickets: 3, notes: 2 }); // the dry run changed nothing

    expect((await erase({ confirmation: `${dry.confirmation}x` }).expect(409)).body.error.code).toBe('CONFIRMATION_REQUIRED');
    const olaDry = (await post(supervisor, '/api/privacy/erasure/dry-run', { nationalId: OLA_NID }).expect(200)).body;
    expect((await erase({ confirmation: olaDry.confirmation }).expect(409)).body.error.message).toMatch(/someone else/);
    expect((await erase({ confirmation: dry.confirmation, confirm: false }).expect(400)).body.error.code).toBe('VALIDATION');
    expect((await erase({ confirmation: dry.confirmation, reason: 'x' }).expect(400)).body.error.code).toBe('VALIDATION');

    // Stale: the records changed after the dry run, then the token expired.
    const agentLogin = await desk.login('agent');
    await post(agentLogin, `/api/tickets/${kari.phoneTicket}/notes`, { body: 'Et notat til' }).expect(201);
    expect((await erase({ confirmation: dry.confirmation }).expect(409)).body.error.message).toMatch(/changed/);
    const again = (await post(supervisor, '/api/privacy/erasure/dry-run', keys).expect(200)).body;
    desk.clock.advance(11 * 60_000);
    expect((await erase({ confirmation: again.confirmation }).expect(409)).body.error.message).toMatch(/expired/);
    expect((await rowsOf(ids)).tickets).toBe(3);

    const fresh = (await post(supervisor, '/api/privacy/erasure/dry-run', keys).expect(200)).body;
    const done = (await erase({ confirmation: fresh.confirmation, reason: `Ba om sletting, fnr ${KARI_NID}` }).expect(200)).body;
    expect(done.erased).toEqual(fresh.counts);
    expect(Object.values(await rowsOf(ids)).every((n) => n === 0)).toBe(true);
    expect(await count('SELECT COUNT(*) AS n FROM tickets WHERE national_id = ? OR (citizen_email = ? AND national_id IS NULL)', [KARI_NID, 'kari@example.no'])).toBe(0);
    expect(await rowsOf([ola.phoneTicket, ola.mailTicket, ola.chat])).toEqual(olaBefore);
    expect(await indexed('karisak')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM sessions WHERE sid = ?', ['sid-karisak'])).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM sessions WHERE sid = ?', ['sid-olasak'])).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM tickets WHERE id = ?', [perTicket])).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'privacy.dry-run' AND actor_id = ?", [supervisor.id])).toBeGreaterThanOrEqual(3);
    expect(await indexed('olasak')).toBe(olaIndexed);
    if (await desk.app.get(SearchVocabularyJob).runRound()) {
      expect(await inVocabulary('karisak')).toBe(false);
      expect(await inVocabulary('olasak')).toBe(true);
    }

    const [record] = await sql().query<{ action: string; purpose: string; subject: string; outcome: unknown; actor_id: string }[]>(
      "SELECT action, purpose, subject, outcome, actor_id FROM audit_log WHERE action = 'privacy.erase'",
    );
    expect(record).toMatchObject({ actor_id: supervisor.id, subject: '178585*****' });
    expect(record.purpose).toContain('Ba om sletting');
    expect(record.purpose).not.toContain(KARI_NID);
    expect(String(record.outcome)).toContain('"tickets":"3"');
    expect(await count('SELECT COUNT(*) AS n FROM audit_log WHERE purpose LIKE ? OR subject = ?', [`%${KARI_NID}%`, KARI_NID])).toBe(0);

    // Anonymous counts: the archive's earlier rows stay as they were and the totals do not move.
    const archivedAfter = await sql().query('SELECT * FROM metrics_daily ORDER BY id');
    expect(archivedAfter.slice(0, archivedBefore.length)).toEqual(archivedBefore);
    const metricsAfter = await metrics();
    expect(metricsAfter.chats).toEqual(metricsBefore.chats);
    expect(metricsAfter.outcomes).toEqual(metricsBefore.outcomes);
    expect(metricsAfter.ratings).toEqual(metricsBefore.ratings);
    expect(metricsAfter.archivedTickets).toBe(metricsBefore.archivedTickets + 3);

    // Spent: the same confirmation cannot erase again.
    expect((await erase({ confirmation: fresh.confirmation }).expect(409)).body.error.code).toBe('CONFIRMATION_REQUIRED');
  });

  it('refuses to erase a live chat mid-conversation', async () => {
    const citizen = await desk.citizen();
    await ask(citizen, 'chat:start', { topic: 'other', message: 'Venter i køen', nationalId: '17858507472' });
    const dry = (await post(supervisor, '/api/privacy/erasure/dry-run', { nationalId: '17858507472' }).expect(200)).body;
    expect(dry.liveChats).toHaveLength(1);
    expect(dry.confirmation).toBeNull();
    const refused = await post(supervisor, '/api/privacy/erasure', { nationalId: '17858507472', reason: 'Ba om sletting', confirm: true, confirmation: 'a.b' }).expect(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(await count('SELECT COUNT(*) AS n FROM tickets WHERE national_id = ?', ['17858507472'])).toBe(1);
    citizen.disconnect();
  });
});
