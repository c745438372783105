import { MigrationInterface, QueryRunner } from 'typeorm';

export class CitizenIdentityAndReferral1764100000000 implements MigrationInterface {
  name = 'CitizenIdentityAndReferral1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tickets ADD COLUMN auth_acr varchar(64)`);
    await db.query(`ALTER TABLE tickets ADD COLUMN auth_amr text`);
    await db.query(`ALTER TABLE tickets ADD COLUMN auth_time datetime`);
    await db.query(`ALTER TABLE tickets ADD COLUMN referred_provider varchar(16)`);
    await db.query(`ALTER TABLE tickets ADD COLUMN referred_at datetime`);
    await db.query(`CREATE INDEX idx_tickets_referred ON tickets (referred_provider)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idx_tickets_referred`);
    for (const column of ['referred_at', 'referred_provider', 'auth_time', 'auth_amr', 'auth_acr']) {
      await db.query(`ALTER TABLE tickets DROP COLUMN ${column}`);
    }
  }
}
