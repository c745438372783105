import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets' national identity number as a keyed hash, for finding one person's earlier contacts
 * without comparing plain numbers. The key lives in the configuration, not in the database, so
 * existing rows are filled at start-up (src/tickets/national-id-hash-backfill.ts), not here.
 */
export class NationalIdHash1765300000000 implements MigrationInterface {
  name = 'NationalIdHash1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE tickets ADD COLUMN national_id_hash varchar(64)');
    await db.query('CREATE INDEX idx_tickets_national_id_hash ON tickets (national_id_hash, created_at) WHERE national_id_hash IS NOT NULL');
    // What the start-up fill looks for: empty once filled, so a start reads nothing. Both partial, or
    // SQLite would look for the unhashed rows among every row without a number.
    await db.query('CREATE INDEX idx_tickets_national_id_unhashed ON tickets (id) WHERE national_id IS NOT NULL AND national_id_hash IS NULL');
    // Earlier contacts by e-mail address when no number is known: case-insensitive on both databases.
    await db.query('CREATE INDEX idx_tickets_citizen_email_lower ON tickets (LOWER(citizen_email), created_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX idx_tickets_citizen_email_lower');
    await db.query('DROP INDEX idx_tickets_national_id_unhashed');
    await db.query('DROP INDEX idx_tickets_national_id_hash');
    await db.query('ALTER TABLE tickets DROP COLUMN national_id_hash');
  }
}
