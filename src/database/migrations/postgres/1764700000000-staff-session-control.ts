import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffSessionControlPostgres1764700000000 implements MigrationInterface {
  name = 'StaffSessionControl1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE staff_users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE sessions ADD COLUMN user_id varchar(36)`);
    await db.query(`UPDATE sessions SET user_id = data::jsonb ->> 'userId'`);
    await db.query(`CREATE INDEX idx_sessions_user ON sessions (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idx_sessions_user`);
    await db.query(`ALTER TABLE sessions DROP COLUMN user_id`);
    await db.query(`ALTER TABLE staff_users DROP COLUMN must_change_password`);
  }
}
