import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors';
import { fromThisSite } from '../common/same-site';
import { AppConfig } from '../config/app-config';
import { maskNationalIdsInText } from '../common/national-id-in-text';
import { mapStaffUser, StaffUserDto } from '../staff/staff-user.dto';
import type { StaffUserEntity } from '../staff/staff-user.entity';
import { StaffService } from '../staff/staff.service';
import type { StaffActor } from './actor';
import { newCsrfToken } from './csrf';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { LoginThrottle } from './login-throttle';
import { sessionKey } from './session-key';
import { SessionRevoker } from './session-revoker';

export interface SessionView {
  user: StaffUserDto;
  csrfToken: string;
  mustChangePassword?: true;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly staff: StaffService,
    private readonly throttle: LoginThrottle,
    private readonly revoker: SessionRevoker,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async login(request: Request, input: LoginDto): Promise<SessionView> {
    // jsonOnlyApi already stops a cross-site form; this stops any other cross-site way in.
    if (!fromThisSite(request.headers, this.config.allowedOrigins)) throw new DomainError('FORBIDDEN', 'Log in from this site');
    const address = request.ip ?? 'unknown';
    await this.throttle.assertAllowed(input.username, address);
    const user = await this.staff.authenticate(input.username, input.password);
    if (!user) {
      await this.throttle.recordFailure(input.username, address);
      // A citizen's number typed into the wrong box must not reach the log either.
      this.logger.warn(`Failed log-in for "${maskNationalIdsInText(input.username.slice(0, 64))}" from ${address}`);
      throw new DomainError('UNAUTHENTICATED', 'Wrong user name or password');
    }
    await this.throttle.recordSuccess(input.username, address);
    await regenerate(request);
    request.session.userId = user.id;
    request.session.csrfToken = newCsrfToken();
    request.session.endsAt = this.clock.now().getTime() + this.config.sessionMaxHours * HOUR_MS;
    await save(request);
    return { user: mapStaffUser(user), csrfToken: request.session.csrfToken, ...(user.mustChangePassword ? { mustChangePassword: true as const } : {}) };
  }

  // A wrong current password counts as a failed log-in: a borrowed session must not become a way to guess it.
  async changePassword(request: Request, actor: StaffActor, input: ChangePasswordDto): Promise<void> {
    const address = request.ip ?? 'unknown';
    await this.throttle.assertAllowed(actor.username, address);
    try {
      await this.staff.changeOwnPassword(actor.id, input.currentPassword, input.newPassword);
    } catch (error) {
      if (error instanceof DomainError && error.details.some((d) => d.field === 'currentPassword')) await this.throttle.recordFailure(actor.username, address);
      throw error;
    }
    await this.revoker.endSessionsOf(actor.id, { sid: request.sessionID, key: sessionKey(request.sessionID) });
  }

  async logout(request: Request): Promise<void> {
    const key = sessionKey(request.sessionID);
    await new Promise<void>((resolve, reject) => request.session.destroy((err) => (err ? reject(err) : resolve())));
    this.revoker.endSocketsOfSession(key);
  }

  async actorForSession(session: { userId?: string; endsAt?: number } | undefined): Promise<StaffActor | null> {
    if (!session?.userId || !this.isWithinLifetime(session)) return null;
    const user = await this.staff.findActiveById(session.userId);
    return user ? toActor(user) : null;
  }

  isWithinLifetime(session: { endsAt?: number }): boolean {
    return typeof session.endsAt === 'number' && this.clock.now().getTime() < session.endsAt;
  }
}

const HOUR_MS = 60 * 60 * 1000;

export const toActor = (user: StaffUserEntity): StaffActor => ({
  kind: 'staff',
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  mustChangePassword: user.mustChangePassword,
});

const regenerate = (request: Request) =>
  new Promise<void>((resolve, reject) => request.session.regenerate((err) => (err ? reject(err) : resolve())));
const save = (request: Request) =>
  new Promise<void>((resolve, reject) => request.session.save((err) => (err ? reject(err) : resolve())));
