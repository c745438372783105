import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../config/database-kind';
import type { Role } from './roles';

export type AgentStatus = 'available' | 'away' | 'offline';

@Entity({ name: 'staff_users' })
export class StaffUserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'varchar', length: 16, default: 'offline' })
  status: AgentStatus;

  @Column({ name: 'status_changed_at', type: TIMESTAMP, nullable: true })
  statusChangedAt: Date | null;

  /** The agent console's alerts (GET/PUT /api/me/alert-preferences). */
  @Column({ name: 'alert_sound', type: 'boolean', default: true })
  alertSound: boolean;

  @Column({ name: 'alert_notifications', type: 'boolean', default: true })
  alertNotifications: boolean;

  @Column({ name: 'alert_title', type: 'boolean', default: true })
  alertTitle: boolean;

  @Column({ name: 'created_at', type: TIMESTAMP })
  createdAt: Date;

  @Column({ name: 'updated_at', type: TIMESTAMP })
  updatedAt: Date;
}
