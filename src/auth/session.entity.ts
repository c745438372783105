import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TIMESTAMP } from '../config/database-kind';

@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sid: string;

  @Column({ type: 'text' })
  data: string;

  @Index('idx_sessions_user')
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Index('idx_sessions_expires')
  @Column({ name: 'expires_at', type: TIMESTAMP })
  expiresAt: Date;
}
