import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Clock } from '../common/clock';
import { conflict, DomainError, validationError } from '../common/errors';
import { Transactions } from '../database/transactions';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { UpdateStaffUserDto } from './dto/update-staff-user.dto';
import { PasswordHasher } from './password-hasher';
import { StaffAccessChange, StaffAccessEvents } from './staff-access-events';
import type { StaffUserEntity } from './staff-user.entity';
import { StaffRepository } from './staff.repository';

@Injectable()
export class StaffService {
  private readonly logger = new Logger('Staff');
  // So that the response time does not reveal which user names exist.
  private dummyHash?: Promise<string>;

  constructor(
    private readonly staff: StaffRepository,
    private readonly hasher: PasswordHasher,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly accessEvents: StaffAccessEvents,
  ) {}

  async create(input: CreateStaffUserDto & { mustChangePassword?: boolean }): Promise<StaffUserEntity> {
    const username = input.username.toLowerCase();
    if (await this.staff.findByUsername(username)) throw conflict(`The user name "${username}" is taken`);
    const passwordHash = await this.hasher.hash(input.password);
    const now = this.clock.now();
    try {
      return await this.transactions.run((db) =>
        this.staff.insert(db, {
          username,
          displayName: input.displayName.trim(),
          passwordHash,
          role: input.role,
          disabled: false,
          mustChangePassword: input.mustChangePassword ?? false,
          status: 'offline',
          statusChangedAt: now,
          createdAt: now,
          updatedAt: now,
        }),
      );
    } catch (error) {
      if (/UNIQUE|duplicate key/i.test(String((error as Error).message))) throw conflict(`The user name "${username}" is taken`);
      throw error;
    }
  }

  async authenticate(username: string, password: string): Promise<StaffUserEntity | null> {
    const user = await this.staff.findByUsername(username);
    if (!user || user.disabled) {
      this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
      await this.hasher.verify(await this.dummyHash, password);
      return null;
    }
    return (await this.hasher.verify(user.passwordHash, password)) ? user : null;
  }

  // Admins cannot disable or demote themselves, so a desk never loses its last way in by accident.
  async update(actorId: string, id: string, input: UpdateStaffUserDto): Promise<StaffUserEntity> {
    if (Object.values(input).every((value) => value === undefined)) throw validationError('Nothing to change: give displayName, role, disabled or password');
    const user = await this.staff.findById(id);
    if (!user) throw new DomainError('NOT_FOUND', 'No such staff member');
    if (id === actorId && (input.disabled === true || (input.role && input.role !== user.role))) {
      throw conflict('You cannot disable your own account or change your own role');
    }
    const now = this.clock.now();
    const change: Partial<StaffUserEntity> = { updatedAt: now };
    if (input.displayName !== undefined) change.displayName = input.displayName.trim();
    if (input.role !== undefined) change.role = input.role;
    if (input.disabled !== undefined) {
      change.disabled = input.disabled;
      if (input.disabled) Object.assign(change, { status: 'offline', statusChangedAt: now });
    }
    if (input.password !== undefined) Object.assign(change, { passwordHash: await this.hasher.hash(input.password), mustChangePassword: true });
    await this.transactions.run((db) => this.staff.update(db, id, change));
    const reason: StaffAccessChange['reason'] | undefined =
      input.disabled === true ? 'disabled' : input.password !== undefined ? 'password-reset' : input.role !== undefined && input.role !== user.role ? 'role' : undefined;
    if (reason) await this.accessEvents.changed({ userId: id, reason });
    return (await this.staff.findById(id))!;
  }

  async changeOwnPassword(id: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.requireActive(id);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw validationError('The current password is wrong', [{ field: 'currentPassword', message: 'The current password is wrong' }]);
    }
    if (newPassword === currentPassword) {
      throw validationError('Choose a password other than the current one', [{ field: 'newPassword', message: 'Choose a password other than the current one' }]);
    }
    const passwordHash = await this.hasher.hash(newPassword);
    await this.transactions.run((db) => this.staff.update(db, id, { passwordHash, mustChangePassword: false, updatedAt: this.clock.now() }));
  }

  listAll(): Promise<StaffUserEntity[]> {
    return this.staff.findAll();
  }

  findActiveById(id: string): Promise<StaffUserEntity | null> {
    return this.staff.findById(id).then((user) => (user && !user.disabled ? user : null));
  }

  async requireActive(id: string): Promise<StaffUserEntity> {
    const user = await this.findActiveById(id);
    if (!user) throw new DomainError('NOT_FOUND', 'No such staff member');
    return user;
  }

  listActive(): Promise<StaffUserEntity[]> {
    return this.staff.findAllActive();
  }

  async ensureFirstAdmin(username: string, password?: string): Promise<{ username: string; generatedPassword?: string } | null> {
    if ((await this.staff.count()) > 0) return null;
    const generatedPassword = password ? undefined : randomBytes(12).toString('base64url');
    try {
      // A generated password has been in the log: it only lets its owner choose their own.
      await this.create({ username, displayName: 'Administrator', password: password ?? generatedPassword!, role: 'admin', mustChangePassword: generatedPassword !== undefined });
    } catch (error) {
      // Another instance starting at the same moment created it first.
      if (error instanceof DomainError && error.code === 'CONFLICT') return null;
      throw error;
    }
    this.logger.log(`Created the first admin account "${username}"`);
    return { username, generatedPassword };
  }
}
