import { MigrationInterface, QueryRunner } from 'typeorm';

// No foreign keys: audit records outlive tickets and staff.
export class AuditLog1764200000000 implements MigrationInterface {
  name = 'AuditLog1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE audit_log (
      id varchar(36) PRIMARY KEY NOT NULL,
      actor_id varchar(36) NOT NULL,
      actor_name varchar(100) NOT NULL,
      ticket_id varchar(36),
      subject varchar(11),
      subject_hash varchar(64),
      action varchar(64) NOT NULL,
      purpose varchar(200) NOT NULL,
      sources text NOT NULL,
      outcome text NOT NULL,
      created_at datetime NOT NULL
    )`);
    await db.query(`CREATE INDEX idx_audit_log_created ON audit_log (created_at, id)`);
    await db.query(`CREATE INDEX idx_audit_log_ticket ON audit_log (ticket_id, created_at)`);
    await db.query(`CREATE INDEX idx_audit_log_actor ON audit_log (actor_id, created_at)`);
    await db.query(`CREATE INDEX idx_audit_log_subject ON audit_log (subject_hash, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
  }
}
