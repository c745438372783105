import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen's presence in a live chat, kept where every instance can see it: when their last
 * connection went away (null while one is open), when they last showed life (connected or wrote),
 * and when the desk warned them that the chat would close for inactivity.
 */
export class CitizenPresence1765000000000 implements MigrationInterface {
  name = 'CitizenPresence1765000000000';

  constructor(private readonly postgres = false) {}

  async up(db: QueryRunner): Promise<void> {
    const time = this.postgres ? 'timestamptz' : 'datetime';
    await db.query(`ALTER TABLE tickets ADD COLUMN citizen_left_at ${time}`);
    await db.query(`ALTER TABLE tickets ADD COLUMN citizen_last_seen_at ${time}`);
    await db.query(`ALTER TABLE tickets ADD COLUMN idle_warned_at ${time}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tickets DROP COLUMN idle_warned_at`);
    await db.query(`ALTER TABLE tickets DROP COLUMN citizen_last_seen_at`);
    await db.query(`ALTER TABLE tickets DROP COLUMN citizen_left_at`);
  }
}

/** The same migration with PostgreSQL's types (one class, two lists: see data-source-options.ts). */
export class CitizenPresencePostgres1765000000000 extends CitizenPresence1765000000000 {
  override name = 'CitizenPresence1765000000000';

  constructor() {
    super(true);
  }
}
