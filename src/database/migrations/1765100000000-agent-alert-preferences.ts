import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = ['alert_sound', 'alert_notifications', 'alert_title'] as const;

/**
 * Each staff member's alert preferences on the agent console (a sound, desktop notifications, a
 * count in the tab's title), kept on the account so they follow the agent across devices. All on
 * by default; notifications still need the browser's permission.
 */
export class AgentAlertPreferences1765100000000 implements MigrationInterface {
  name = 'AgentAlertPreferences1765100000000';

  constructor(private readonly postgres = false) {}

  async up(db: QueryRunner): Promise<void> {
    const on = this.postgres ? 'true' : '(1)';
    for (const column of COLUMNS) await db.query(`ALTER TABLE staff_users ADD COLUMN ${column} boolean NOT NULL DEFAULT ${on}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const column of [...COLUMNS].reverse()) await db.query(`ALTER TABLE staff_users DROP COLUMN ${column}`);
  }
}

/** The same migration with PostgreSQL's literals (one class, two lists: see data-source-options.ts). */
export class AgentAlertPreferencesPostgres1765100000000 extends AgentAlertPreferences1765100000000 {
  override name = 'AgentAlertPreferences1765100000000';

  constructor() {
    super(true);
  }
}
