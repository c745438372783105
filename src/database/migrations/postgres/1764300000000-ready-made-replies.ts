import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { STANDARD_REPLIES } from '../1764300000000-ready-made-replies';

export class ReadyMadeRepliesPostgres1764300000000 implements MigrationInterface {
  name = 'ReadyMadeReplies1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE ready_replies (
      id varchar(36) PRIMARY KEY NOT NULL DEFAULT gen_random_uuid()::text,
      title varchar(120) NOT NULL,
      body text NOT NULL,
      language varchar(2) NOT NULL,
      topic varchar(32),
      created_by varchar(36) REFERENCES staff_users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await db.query(`CREATE INDEX idx_ready_replies_language_title ON ready_replies (language, title)`);
    const now = new Date();
    for (const reply of STANDARD_REPLIES) {
      for (const language of ['nb', 'nn', 'en'] as const) {
        const { title, body } = reply.texts[language];
        await db.query(
          `INSERT INTO ready_replies (id, title, body, language, topic, created_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, NULL, $6, $6)`,
          [randomUUID(), title, body, language, reply.topic, now],
        );
      }
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ready_replies`);
  }
}
