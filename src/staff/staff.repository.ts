import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Sql } from '../database/sql';
import type { AlertPreferences } from './dto/alert-preferences.dto';
import { AgentStatus, StaffUserEntity } from './staff-user.entity';

@Injectable()
export class StaffRepository {
  constructor(
    @InjectRepository(StaffUserEntity) private readonly users: Repository<StaffUserEntity>,
    private readonly sql: Sql,
  ) {}

  // PostgreSQL only: two instances handing chats to one agent count one after the other; SQLite serializes writes.
  async lockForAssignment(db: EntityManager, id: string): Promise<void> {
    if (this.sql.postgres) await this.sql.query('SELECT id FROM staff_users WHERE id = ? FOR UPDATE', [id], db);
  }

  count(): Promise<number> {
    return this.users.count();
  }

  findById(id: string): Promise<StaffUserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByUsername(username: string): Promise<StaffUserEntity | null> {
    return this.users.findOneBy({ username: username.toLowerCase() });
  }

  findAvailableAgents(): Promise<StaffUserEntity[]> {
    return this.users.find({ where: { status: 'available', disabled: false }, order: { statusChangedAt: 'ASC' } });
  }

  findAllActive(): Promise<StaffUserEntity[]> {
    return this.users.find({ where: { disabled: false }, order: { displayName: 'ASC' } });
  }

  findByStatuses(statuses: AgentStatus[]): Promise<StaffUserEntity[]> {
    return this.users.find({ where: { status: In(statuses) } });
  }

  findUnavailableSince(statuses: AgentStatus[], before: Date): Promise<StaffUserEntity[]> {
    return this.users
      .createQueryBuilder('u')
      .where('u.status IN (:...statuses)', { statuses })
      .andWhere('u.status_changed_at <= :before', { before })
      .getMany();
  }

  findAll(): Promise<StaffUserEntity[]> {
    return this.users.find({ order: { disabled: 'ASC', displayName: 'ASC' } });
  }

  async update(db: EntityManager, id: string, change: Partial<StaffUserEntity>): Promise<void> {
    await db.getRepository(StaffUserEntity).update({ id }, change);
  }

  /** Null for an account that is gone. */
  async alertPreferences(id: string): Promise<AlertPreferences | null> {
    const user = await this.users.findOne({ where: { id }, select: { id: true, alertSound: true, alertNotifications: true, alertTitle: true } });
    return user ? { sound: user.alertSound, notifications: user.alertNotifications, title: user.alertTitle } : null;
  }

  async setAlertPreferences(db: EntityManager, id: string, preferences: AlertPreferences, at: Date): Promise<boolean> {
    const result = await db
      .getRepository(StaffUserEntity)
      .update({ id }, { alertSound: preferences.sound, alertNotifications: preferences.notifications, alertTitle: preferences.title, updatedAt: at });
    return (result.affected ?? 0) > 0;
  }

  countAvailable(): Promise<number> {
    return this.users.countBy({ status: 'available', disabled: false });
  }

  insert(db: EntityManager, user: Omit<StaffUserEntity, 'id' | 'alertSound' | 'alertNotifications' | 'alertTitle'>): Promise<StaffUserEntity> {
    return db.getRepository(StaffUserEntity).save(db.getRepository(StaffUserEntity).create(user));
  }

  async setStatus(db: EntityManager, id: string, status: AgentStatus, at: Date): Promise<void> {
    await db.getRepository(StaffUserEntity).update({ id }, { status, statusChangedAt: at, updatedAt: at });
  }

  // Keeps status_changed_at so a grace period already running is not restarted.
  async markReconnected(db: EntityManager, id: string): Promise<void> {
    await db.getRepository(StaffUserEntity).update({ id, status: 'offline' }, { status: 'away' });
  }

  async setStatusOf(db: EntityManager, ids: string[], status: AgentStatus, at: Date): Promise<void> {
    if (ids.length === 0) return;
    await db.getRepository(StaffUserEntity).update({ id: In(ids) }, { status, statusChangedAt: at, updatedAt: at });
  }
}
