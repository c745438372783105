import { MigrationInterface, QueryRunner } from 'typeorm';

// Lets the queue (TicketRepository.findQueuedOldestFirst) be read from the index alone.
export class QueueOrder1764500000000 implements MigrationInterface {
  name = 'QueueOrder1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX idx_tickets_queue ON tickets (status, reference, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idx_tickets_queue`);
  }
}
