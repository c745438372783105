import { Sql } from '../../src/database/sql';
import type { TestMailbox } from './dovecot';
import { messageIdOf } from './raw-mail';
import { startTestApp, TestApp, until } from './test-app';

export const TAKEN = '$DeskImported';
export const REFUSED = '$DeskRefused';

/** A desk reading the test mailbox (IDLE, and a poll every second besides). */
export const startMailDesk = (box: TestMailbox, options: { env?: Record<string, string>; dataDir?: string } = {}): Promise<TestApp> =>
  startTestApp({ dataDir: options.dataDir, env: { IMAP_URL: box.url, MAIL_POLL_SECONDS: '1', ...options.env } });

/** Puts a mail in the mailbox and waits until the desk has marked it taken; resolves with its UID. */
export async function deliver(box: TestMailbox, raw: Buffer, timeoutMs = 20_000): Promise<number> {
  const uid = await box.append(raw);
  await taken(box, uid, timeoutMs);
  return uid;
}

export async function taken(box: TestMailbox, uid: number, timeoutMs = 20_000): Promise<Set<string>> {
  let flags = new Set<string>();
  await until(async () => (flags = await box.flags(uid)).has(TAKEN), timeoutMs).catch(() => {
    throw new Error(`mail ${uid} not marked ${TAKEN}; flags ${[...flags].join(' ')}`);
  });
  return flags;
}

export const rows = <T = any>(desk: TestApp, sql: string, params: unknown[] = []) => desk.app.get(Sql).query<T[]>(sql, params);

/** The ticket, messages, mails and attachments a raw mail went into. */
export async function ticketOf(desk: TestApp, raw: Buffer) {
  const [mail] = await rows(desk, 'SELECT * FROM mails WHERE header_message_id = ?', [messageIdOf(raw)]);
  if (!mail) return null;
  const [ticket] = await rows(desk, 'SELECT * FROM tickets WHERE id = ?', [mail.ticket_id]);
  return {
    mail,
    ticket,
    messages: await rows(desk, 'SELECT * FROM messages WHERE ticket_id = ? ORDER BY seq', [ticket.id]),
    mails: await rows(desk, 'SELECT * FROM mails WHERE ticket_id = ? ORDER BY created_at, direction', [ticket.id]),
    attachments: await rows(desk, 'SELECT id, filename, content_type, size, message_id FROM attachments WHERE ticket_id = ?', [ticket.id]),
    events: await rows(desk, 'SELECT type, data FROM ticket_events WHERE ticket_id = ? ORDER BY created_at', [ticket.id]),
  };
}
