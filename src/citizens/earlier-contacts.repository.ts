import { Injectable } from '@nestjs/common';
import { maskNationalId } from '../common/national-id';
import { fromDbTime, Sql } from '../database/sql';
import type { EarlierContact } from './earlier-contacts.types';

export type ContactKey = { nationalIdHash: string } | { email: string };

interface Row {
  id: string;
  reference: string;
  createdAt: string | Date;
  channel: EarlierContact['channel'];
  topic: EarlierContact['topic'];
  status: EarlierContact['status'];
  outcome: EarlierContact['outcome'];
  closedBy: EarlierContact['closedBy'];
  referral: EarlierContact['referral'];
  verified: number | boolean;
  nationalId: string | null;
}

const COLUMNS = `id, reference, created_at AS "createdAt", channel, topic, status, outcome, closed_by AS "closedBy",
  referred_provider AS referral, verified, national_id AS "nationalId"`;

/** One citizen's tickets by the hash of their number or by their e-mail address (any case), newest first. */
@Injectable()
export class EarlierContactsRepository {
  constructor(private readonly sql: Sql) {}

  async find(key: ContactKey, excludeId: string | null, limit: number): Promise<{ total: number; items: EarlierContact[] }> {
    const [match, value] = 'nationalIdHash' in key ? ['national_id_hash = ?', key.nationalIdHash] : ['LOWER(citizen_email) = ?', key.email.toLowerCase()];
    const where = `${match}${excludeId ? ' AND id <> ?' : ''}`;
    const params = excludeId ? [value, excludeId] : [value];
    const [rows, [count]] = await Promise.all([
      this.sql.query<Row[]>(`SELECT ${COLUMNS} FROM tickets WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ?`, [...params, limit]),
      this.sql.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM tickets WHERE ${where}`, params),
    ]);
    return { total: Number(count?.n ?? 0), items: rows.map(toContact) };
  }
}

const toContact = (row: Row): EarlierContact => ({
  id: row.id,
  reference: row.reference,
  createdAt: fromDbTime(row.createdAt).toISOString(),
  channel: row.channel,
  topic: row.topic,
  status: row.status,
  outcome: row.outcome ?? null,
  closedBy: row.closedBy ?? null,
  referral: row.referral ?? null,
  verified: Boolean(row.verified),
  nationalId: row.nationalId ? maskNationalId(row.nationalId) : null,
});
