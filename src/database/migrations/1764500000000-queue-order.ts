import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue in order of reference (see TicketRepository.findQueuedOldestFirst), read from the
 * index alone: ids for the positions, counts for one chat's place. The same SQL on PostgreSQL.
 */
export class QueueOrder1764500000000 implements MigrationInterface {
  name = 'QueueOrder1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX idx_tickets_queue ON tickets (status, reference, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idx_tickets_queue`);
  }
}
