import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../../config/database-kind';

// PostgreSQL's `real` is 4 bytes.
const FLOAT = TIMESTAMP === 'timestamptz' ? 'double precision' : 'real';

// Anonymous: no ids, no text, no people, and time only to the quarter hour.
@Entity({ name: 'metrics_daily' })
@Index('idx_metrics_daily_slot', ['slot'])
export class MetricsDailyEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'varchar', length: 16 })
  slot: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'varchar', length: 32 })
  topic: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: string | null;

  @Column({ name: 'referred_provider', type: 'varchar', length: 16, nullable: true })
  referredProvider: string | null;

  @Column({ name: 'rating_score', type: 'integer', nullable: true })
  ratingScore: number | null;

  @Column({ type: 'integer', default: 0 })
  answered: number;

  @Column({ type: 'integer' })
  tickets: number;

  @Column({ name: 'wait_seconds_sum', type: FLOAT, default: 0 })
  waitSecondsSum: number;

  @Column({ name: 'handling_seconds_sum', type: FLOAT, default: 0 })
  handlingSecondsSum: number;

  @Column({ type: 'integer', default: 0 })
  handled: number;
}
