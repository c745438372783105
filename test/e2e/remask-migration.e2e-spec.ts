import { DataSource } from 'typeorm';
import { RemaskFreeText1764800000000 } from '../../src/database/migrations/1764800000000-remask-free-text';
import { Sql } from '../../src/database/sql';
import { startTestApp, StaffLogin, TestApp } from '../support/test-app';

/**
 * Text stored before the masking covered every field and every way of writing a number is masked
 * by a migration (synthetic numbers from docs/domain.md §3). The rows are written unmasked with
 * raw SQL, as an older version of the desk left them, and the migration is run again on them.
 */
const OWN = '17858500060';
const MASKED = '178585*****';
const OTHER_MASKED = '268264*****';

describe('masking identity numbers already stored', () => {
  let desk: TestApp;
  let agent: StaffLogin;
  let db: Sql;

  beforeEach(async () => {
    desk = await startTestApp();
    agent = await desk.login('supervisor');
    db = desk.app.get(Sql);
  });

  afterEach(async () => {
    await desk.close();
  });

  const remask = async (batch?: number) => {
    const runner = desk.app.get(DataSource).createQueryRunner();
    try {
      await new RemaskFreeText1764800000000(batch).up(runner);
    } finally {
      await runner.release();
    }
  };

  const contactTicket = async () => {
    const sent = await desk.http().post('/api/contact').send({ topic: 'other', name: 'Kari', message: 'Hei' }).expect(201);
    const [{ id }] = await db.query<{ id: string }[]>('SELECT id FROM tickets WHERE reference = ?', [sent.body.reference]);
    return id;
  };

  it('masks every free-text column, the search index with it, and leaves other text alone', async () => {
    const id = await contactTicket();
    await db.query('UPDATE tickets SET citizen_name = ?, citizen_phone = ?, citizen_email = ?, summary = ?, rating_comment = ? WHERE id = ?', [
      'Kari 178585 00060',
      '178 585 000 60',
      '178585.00060@example.no',
      'Tlf +47 800 30 300, sak 12345678901',
      'Takk! 268264\u200B99361',
      id,
    ]);
    await db.query('UPDATE messages SET body = ? WHERE ticket_id = ?', ['Fnr: 1785 8500 060', id]);
    await desk.http().post(`/api/tickets/${id}/notes`).set('cookie', agent.cookie).set('x-csrf-token', agent.csrfToken).send({ body: 'notat' }).expect(201);
    await db.query('UPDATE notes SET body = ? WHERE ticket_id = ?', ['Ringte fra 178585/00060', id]);
    const [reply] = await db.query<{ id: string }[]>('SELECT id FROM ready_replies ORDER BY id LIMIT 1');
    await db.query('UPDATE ready_replies SET body = ? WHERE id = ?', ['Eksempel: １７８５８５０００６０', reply.id]);

    await remask();

    const [ticket] = await db.query<Record<string, string>[]>('SELECT citizen_name, citizen_phone, citizen_email, summary, rating_comment FROM tickets WHERE id = ?', [id]);
    expect(ticket).toEqual({
      citizen_name: `Kari ${MASKED}`,
      citizen_phone: MASKED,
      citizen_email: `${MASKED}@example.no`,
      summary: 'Tlf +47 800 30 300, sak 12345678901',
      rating_comment: `Takk! ${OTHER_MASKED}`,
    });
    expect(await db.query('SELECT body FROM messages WHERE ticket_id = ?', [id])).toEqual([{ body: `Fnr: ${MASKED}` }]);
    expect(await db.query('SELECT body FROM notes WHERE ticket_id = ?', [id])).toEqual([{ body: `Ringte fra ${MASKED}` }]);
    expect(await db.query('SELECT body FROM ready_replies WHERE id = ?', [reply.id])).toEqual([{ body: `Eksempel: ${MASKED}` }]);
    const indexed = await db.query<{ body: string }[]>('SELECT body FROM search_docs WHERE ticket_id = ?', [id]);
    expect(indexed.length).toBeGreaterThan(0);
    expect(JSON.stringify(indexed)).not.toMatch(/00060|0\s*0\s*0\s*6\s*0/);
  });

  it("keeps a verified citizen's own number in their own messages, as when they are written", async () => {
    const id = await contactTicket();
    await db.query(`UPDATE tickets SET verified = ${db.postgres ? 'TRUE' : '1'}, national_id = ? WHERE id = ?`, [OWN, id]);
    await db.query('UPDATE messages SET body = ? WHERE ticket_id = ?', [`Mitt er ${OWN}, min sønns er 268264 99361`, id]);

    await remask();

    expect(await db.query('SELECT body FROM messages WHERE ticket_id = ?', [id])).toEqual([{ body: `Mitt er ${OWN}, min sønns er ${OTHER_MASKED}` }]);
  });

  it('goes through more rows than one batch, each exactly once', async () => {
    const ids = [await contactTicket(), await contactTicket(), await contactTicket()];
    for (const id of ids) await db.query('UPDATE tickets SET citizen_name = ? WHERE id = ?', ['178585 00060', id]);
    const rows = await db.query<{ id: string }[]>('SELECT id FROM tickets');
    expect(rows.length).toBeGreaterThanOrEqual(3);

    await remask(2);
    await remask(2);

    const names = await db.query<{ citizen_name: string }[]>(`SELECT citizen_name FROM tickets WHERE id IN (?, ?, ?)`, ids);
    expect(names.map((n) => n.citizen_name)).toEqual([MASKED, MASKED, MASKED]);
  });
});
