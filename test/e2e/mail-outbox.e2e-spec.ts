import { Sql } from '../../src/database/sql';
import { mailsOf, queueDirectly, sendDue, webFormTicket, write } from '../support/mail-desk';
import { SmtpReceiver } from '../support/smtp-receiver';
import { OPEN_INSTANT, startTestApp, StaffLogin, TestApp } from '../support/test-app';

const at = (ms: number) => new Date(new Date(OPEN_INSTANT).getTime() + ms).toISOString();

describe('the outbox: retries, failures, restarts and several instances', () => {
  let smtp: SmtpReceiver;
  let desk: TestApp;
  let agent: StaffLogin;
  const env = () => ({ SMTP_URL: smtp.url });

  beforeEach(async () => {
    smtp = await SmtpReceiver.start();
    desk = await startTestApp({ env: env() });
    agent = await desk.login('agent', 'kari');
  });

  afterEach(async () => {
    await desk.close();
    await smtp.stop();
  });

  it('keeps a mail queued with the reason while SMTP is down or answers 4xx, and sends it once when it is back', async () => {
    const ticket = await webFormTicket(desk, { email: 'ola@example.no' });
    await smtp.stop();
    const posted = await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail`).send({ body: 'Svar som må vente' }).expect(201);
    await sendDue(desk);
    let [mail] = (await mailsOf(desk, agent, ticket.id)).mails;
    expect(mail).toMatchObject({ id: posted.body.mail.id, status: 'queued', attempts: 1, nextAttemptAt: at(30_000) });
    expect(mail.lastError).toMatch(/ECONNREFUSED/);

    await smtp.restart();
    smtp.refuseWith(451, '4.3.0 Mailbox busy, try later');
    await sendDue(desk);
    expect((await mailsOf(desk, agent, ticket.id)).mails[0]).toMatchObject({ attempts: 1 });
    desk.clock.advance(30_000);
    await sendDue(desk);
    [mail] = (await mailsOf(desk, agent, ticket.id)).mails;
    expect(mail).toMatchObject({ status: 'queued', attempts: 2, nextAttemptAt: at(90_000) });
    expect(mail.lastError).toContain('451 4.3.0 Mailbox busy, try later');

    smtp.acceptAll();
    desk.clock.advance(60_000);
    await sendDue(desk);
    await sendDue(desk);
    expect(smtp.received).toHaveLength(1);
    [mail] = (await mailsOf(desk, agent, ticket.id)).mails;
    expect(mail).toMatchObject({ status: 'sent', attempts: 3, sentAt: at(90_000) });
    expect(mail.lastError).toBeUndefined();
  });

  it('fails a mail on a 5xx answer with the server\'s reason; the retry endpoint sends it again', async () => {
    const ticket = await webFormTicket(desk, { email: 'nobody@example.no' });
    smtp.refuseWith(550, '5.1.1 Mailbox unavailable');
    const posted = await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail`).send({ body: 'Svar' }).expect(201);
    await sendDue(desk);
    const [failed] = (await mailsOf(desk, agent, ticket.id)).mails;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('550 5.1.1 Mailbox unavailable');
    expect(failed.nextAttemptAt).toBeUndefined();

    const other = await webFormTicket(desk, { email: 'x@example.no' });
    await write(desk, agent, 'post', `/api/tickets/${other.id}/mail/${posted.body.mail.id}/retry`).expect(404);
    smtp.acceptAll();
    const retried = await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail/${posted.body.mail.id}/retry`).expect(200);
    expect(retried.body.mail).toMatchObject({ id: posted.body.mail.id });
    await sendDue(desk);
    expect(smtp.received).toHaveLength(1);
    expect((await mailsOf(desk, agent, ticket.id)).mails[0]).toMatchObject({ status: 'sent', attempts: 1 });
    const again = await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail/${posted.body.mail.id}/retry`).expect(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });

  it('sends a mail queued before a restart once, and takes over a mail whose sender died mid-send', async () => {
    const ticket = await webFormTicket(desk, { email: 'restart@example.no' });
    await smtp.stop();
    await write(desk, agent, 'post', `/api/tickets/${ticket.id}/mail`).send({ body: 'Før omstart' }).expect(201);
    await sendDue(desk);
    await queueDirectly(desk, { ticketId: ticket.id, headerMessageId: '<crashed@digdir.no>', toAddress: 'restart@example.no' });
    // A sender claimed the acknowledgement and died; its lease ends before the restarted instance's clock.
    await desk.app.get(Sql).query(`UPDATE mails SET status = 'sending', attempts = 1, claimed_until = ? WHERE header_message_id = '<crashed@digdir.no>'`, [desk.app.get(Sql).time(new Date(desk.clock.now().getTime() + 4 * 60_000))]);
    await desk.close({ keepData: true });

    await smtp.restart();
    desk = await startTestApp({ dataDir: desk.dataDir, now: at(5 * 60_000), env: env() });
    await sendDue(desk);
    await sendDue(desk);
    expect(smtp.received).toHaveLength(2);
    const messageIds = (await smtp.parsed()).map((mail) => mail.messageId);
    expect(messageIds).toContain('<crashed@digdir.no>');
    const mails = (await mailsOf(desk, await desk.login('agent'), ticket.id)).mails;
    expect(mails.map((mail: { status: string }) => mail.status)).toEqual(['sent', 'sent']);
    expect(mails.find((mail: { kind: string }) => mail.kind === 'ack').attempts).toBe(2);
  });

  it('sends each queued mail once when two instances share the database', async () => {
    const second = await startTestApp({ dataDir: desk.dataDir, env: env() });
    try {
      const ticket = await webFormTicket(desk, { email: 'twice@example.no' });
      for (let i = 0; i < 6; i += 1) await queueDirectly(desk, { ticketId: ticket.id, headerMessageId: `<shared-${i}@digdir.no>`, toAddress: 'twice@example.no', kind: 'reply' });
      await Promise.all([sendDue(desk), sendDue(second), sendDue(desk), sendDue(second)]);
      const ids = (await smtp.parsed()).map((mail) => mail.messageId).sort();
      expect(ids).toEqual(Array.from({ length: 6 }, (_, i) => `<shared-${i}@digdir.no>`).sort());
      const rows = await desk.app.get(Sql).query<{ status: string; attempts: number | string }[]>('SELECT status, attempts FROM mails');
      expect(rows.map((row) => [row.status, Number(row.attempts)])).toEqual(Array.from({ length: 6 }, () => ['sent', 1]));
    } finally {
      await second.close({ keepData: true });
    }
  });
});
