import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TIMESTAMP } from '../config/database-kind';

/** Staff sessions live in the database so any instance can serve any staff member. */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sid: string;

  @Column({ type: 'text' })
  data: string;

  @Index('idx_sessions_expires')
  @Column({ name: 'expires_at', type: TIMESTAMP })
  expiresAt: Date;
}
