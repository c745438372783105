import { MigrationInterface, QueryRunner } from 'typeorm';

// TypeORM leaves generated uuids to PostgreSQL, hence the defaults; ids stay text as on SQLite.
export class InitialSchemaPostgres1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE staff_users (
      id varchar(36) PRIMARY KEY NOT NULL DEFAULT gen_random_uuid()::text,
      username varchar(64) NOT NULL UNIQUE,
      display_name varchar(100) NOT NULL,
      password_hash varchar(255) NOT NULL,
      role varchar(16) NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      status varchar(16) NOT NULL DEFAULT 'offline',
      status_changed_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await db.query(`CREATE TABLE tickets (
      id varchar(36) PRIMARY KEY NOT NULL DEFAULT gen_random_uuid()::text,
      reference varchar(20) NOT NULL UNIQUE,
      channel varchar(16) NOT NULL,
      topic varchar(32) NOT NULL,
      status varchar(16) NOT NULL,
      language varchar(2) NOT NULL DEFAULT 'nb',
      citizen_name varchar(100),
      citizen_email varchar(254),
      citizen_phone varchar(32),
      national_id varchar(11),
      verified boolean NOT NULL DEFAULT false,
      token_hash varchar(64) UNIQUE,
      assignee_id varchar(36) REFERENCES staff_users(id) ON DELETE SET NULL,
      summary text,
      outcome varchar(16),
      closed_by varchar(16),
      rating_score integer,
      rating_comment text,
      last_seq integer NOT NULL DEFAULT 0,
      queued_at timestamptz,
      accepted_at timestamptz,
      closed_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await db.query(`CREATE INDEX idx_tickets_status_queued ON tickets (status, queued_at)`);
    await db.query(`CREATE INDEX idx_tickets_assignee_status ON tickets (assignee_id, status)`);
    await db.query(`CREATE INDEX idx_tickets_created ON tickets (created_at)`);
    await db.query(`CREATE TABLE messages (
      id varchar(36) PRIMARY KEY NOT NULL DEFAULT gen_random_uuid()::text,
      ticket_id varchar(36) NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
      seq integer NOT NULL,
      client_id varchar(64),
      author varchar(16) NOT NULL,
      author_id varchar(36),
      author_name varchar(100),
      kind varchar(16) NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL
    )`);
    await db.query(`CREATE UNIQUE INDEX uq_messages_ticket_seq ON messages (ticket_id, seq)`);
    await db.query(`CREATE UNIQUE INDEX uq_messages_ticket_client ON messages (ticket_id, client_id)`);
    await db.query(`CREATE TABLE notes (
      id varchar(36) PRIMARY KEY NOT NULL DEFAULT gen_random_uuid()::text,
      ticket_id varchar(36) NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
      author_id varchar(36) REFERENCES staff_users(id) ON DELETE SET NULL,
      author_name varchar(100) NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL
    )`);
    await db.query(`CREATE INDEX idx_notes_ticket ON notes (ticket_id, created_at)`);
    await db.query(`CREATE TABLE ticket_events (
      id varchar(36) PRIMARY KEY NOT NULL DEFAULT gen_random_uuid()::text,
      ticket_id varchar(36) NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
      type varchar(32) NOT NULL,
      actor_id varchar(36),
      actor_name varchar(100),
      data text,
      created_at timestamptz NOT NULL
    )`);
    await db.query(`CREATE INDEX idx_ticket_events_ticket ON ticket_events (ticket_id, created_at)`);
    await db.query(`CREATE TABLE sessions (
      sid varchar(64) PRIMARY KEY NOT NULL,
      data text NOT NULL,
      expires_at timestamptz NOT NULL
    )`);
    await db.query(`CREATE INDEX idx_sessions_expires ON sessions (expires_at)`);
    await db.query(`CREATE TABLE counters (
      name varchar(32) PRIMARY KEY NOT NULL,
      value integer NOT NULL
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['counters', 'sessions', 'ticket_events', 'notes', 'messages', 'tickets', 'staff_users']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
