import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../common/errors';
import { maskNationalIdsInText } from '../common/national-id-in-text';
import { mapStaffUser, StaffUserDto } from '../staff/staff-user.dto';
import type { StaffUserEntity } from '../staff/staff-user.entity';
import { StaffService } from '../staff/staff.service';
import type { StaffActor } from './actor';
import { newCsrfToken } from './csrf';
import { LoginDto } from './dto/login.dto';
import { LoginThrottle } from './login-throttle';

export interface SessionView {
  user: StaffUserDto;
  csrfToken: string;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly staff: StaffService,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(request: Request, input: LoginDto): Promise<SessionView> {
    const address = request.ip ?? 'unknown';
    await this.throttle.assertAllowed(input.username, address);
    const user = await this.staff.authenticate(input.username, input.password);
    if (!user) {
      await this.throttle.recordFailure(input.username, address);
      // A citizen's number typed into the wrong box must not reach the log either.
      this.logger.warn(`Failed log-in for "${maskNationalIdsInText(input.username.slice(0, 64))}" from ${address}`);
      throw new DomainError('UNAUTHENTICATED', 'Wrong user name or password');
    }
    await this.throttle.recordSuccess(input.username);
    await regenerate(request);
    request.session.userId = user.id;
    request.session.csrfToken = newCsrfToken();
    await save(request);
    return { user: mapStaffUser(user), csrfToken: request.session.csrfToken };
  }

  async logout(request: Request): Promise<void> {
    await new Promise<void>((resolve, reject) => request.session.destroy((err) => (err ? reject(err) : resolve())));
  }

  /** The staff member behind a session, or null when there is none or the account is gone or disabled. */
  async actorForSession(session: { userId?: string } | undefined): Promise<StaffActor | null> {
    if (!session?.userId) return null;
    const user = await this.staff.findActiveById(session.userId);
    return user ? toActor(user) : null;
  }
}

export const toActor = (user: StaffUserEntity): StaffActor => ({
  kind: 'staff',
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
});

const regenerate = (request: Request) =>
  new Promise<void>((resolve, reject) => request.session.regenerate((err) => (err ? reject(err) : resolve())));
const save = (request: Request) =>
  new Promise<void>((resolve, reject) => request.session.save((err) => (err ? reject(err) : resolve())));
