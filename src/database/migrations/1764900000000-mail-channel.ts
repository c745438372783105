import { MigrationInterface, QueryRunner } from 'typeorm';

// Inbound mails are deduplicated on their Message-ID, so each is taken once whatever fetched it.
export class MailChannel1764900000000 implements MigrationInterface {
  name = 'MailChannel1764900000000';

  constructor(private readonly postgres = false) {}

  async up(db: QueryRunner): Promise<void> {
    const time = this.postgres ? 'timestamptz' : 'datetime';
    const bytes = this.postgres ? 'bytea' : 'blob';
    await db.query(`CREATE TABLE mails (
      id varchar(36) PRIMARY KEY NOT NULL,
      ticket_id varchar(36) NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
      message_id varchar(36) REFERENCES messages(id) ON DELETE SET NULL,
      direction varchar(3) NOT NULL,
      kind varchar(16) NOT NULL,
      header_message_id varchar(998) NOT NULL,
      from_address varchar(254) NOT NULL,
      to_address varchar(254) NOT NULL,
      subject varchar(998) NOT NULL,
      in_reply_to varchar(998),
      refs text,
      body text NOT NULL,
      status varchar(16) NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at ${time},
      claimed_until ${time},
      last_error text,
      sent_at ${time},
      ack_key varchar(300),
      created_at ${time} NOT NULL
    )`);
    await db.query(`CREATE UNIQUE INDEX uq_mails_header_message_id ON mails (header_message_id)`);
    await db.query(`CREATE UNIQUE INDEX uq_mails_ack_key ON mails (ack_key)`);
    await db.query(`CREATE INDEX idx_mails_ticket ON mails (ticket_id, created_at)`);
    await db.query(`CREATE INDEX idx_mails_outbox ON mails (status, next_attempt_at)`);
    await db.query(`CREATE TABLE attachments (
      id varchar(36) PRIMARY KEY NOT NULL,
      ticket_id varchar(36) NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
      message_id varchar(36) NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      filename varchar(255) NOT NULL,
      content_type varchar(100) NOT NULL,
      size integer NOT NULL,
      content ${bytes} NOT NULL,
      created_at ${time} NOT NULL
    )`);
    await db.query(`CREATE INDEX idx_attachments_message ON attachments (message_id)`);
    await db.query(`CREATE INDEX idx_attachments_ticket ON attachments (ticket_id)`);
    await db.query(`ALTER TABLE tickets ADD COLUMN last_inbound_at ${time}`);
    await db.query(`ALTER TABLE tickets ADD COLUMN staff_read_at ${time}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tickets DROP COLUMN staff_read_at`);
    await db.query(`ALTER TABLE tickets DROP COLUMN last_inbound_at`);
    await db.query(`DROP TABLE attachments`);
    await db.query(`DROP TABLE mails`);
  }
}

export class MailChannelPostgres1764900000000 extends MailChannel1764900000000 {
  override name = 'MailChannel1764900000000';

  constructor() {
    super(true);
  }
}
