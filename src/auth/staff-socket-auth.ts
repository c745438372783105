import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { SessionData } from 'express-session';
import type { Socket } from 'socket.io';
import { Clock } from '../common/clock';
import type { StaffActor } from './actor';
import { AuthService } from './auth.service';
import { sessionKey } from './session-key';
import { SessionMiddlewareProvider } from './session-middleware.provider';

// Catches a socket whose disconnect was lost (Redis pub/sub is at most once) or that raced its own handshake.
const RECHECK_MS = 30_000;

export interface StaffSocketIdentity {
  actor: StaffActor;
  sessionKey: string;
  sessionEndsAt: number;
}

interface SessionCheck {
  sid: string;
  checkedAt: number;
}

@Injectable()
export class StaffSocketAuth {
  // Not in socket.data, which other instances can read through the Redis adapter.
  private readonly checks = new WeakMap<Socket, SessionCheck>();

  constructor(
    private readonly sessions: SessionMiddlewareProvider,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async identify(socket: Socket): Promise<StaffSocketIdentity | 'UNAUTHENTICATED' | 'PASSWORD_CHANGE_REQUIRED'> {
    const request = socket.request as unknown as Request;
    await new Promise<void>((resolve, reject) => {
      const next: NextFunction = (err?: unknown) => (err ? reject(err) : resolve());
      this.sessions.handler(request, {} as Response, next);
    });
    const actor = await this.auth.actorForSession(request.session);
    if (!actor) return 'UNAUTHENTICATED';
    if (actor.mustChangePassword) return 'PASSWORD_CHANGE_REQUIRED';
    this.checks.set(socket, { sid: request.sessionID, checkedAt: this.clock.now().getTime() });
    return { actor, sessionKey: sessionKey(request.sessionID), sessionEndsAt: request.session.endsAt! };
  }

  async stillValid(socket: Socket, identity: StaffSocketIdentity, force = false): Promise<boolean> {
    const now = this.clock.now().getTime();
    if (now >= identity.sessionEndsAt) return false;
    const check = this.checks.get(socket);
    if (!check) return false;
    if (!force && now - check.checkedAt < RECHECK_MS) return true;
    const session = await new Promise<SessionData | null | undefined>((resolve, reject) =>
      this.sessions.store.get(check.sid, (error, data) => (error ? reject(error as Error) : resolve(data))),
    );
    const actor = await this.auth.actorForSession(session ?? undefined);
    if (!actor || actor.role !== identity.actor.role || actor.mustChangePassword) return false;
    check.checkedAt = now;
    return true;
  }
}
