import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Socket } from 'socket.io';
import type { StaffActor } from './actor';
import { AuthService } from './auth.service';
import { sessionKey } from './session-key';
import { SessionMiddlewareProvider } from './session-middleware.provider';

/** Who is behind an agent socket, and which session it rides on. */
export interface StaffSocketIdentity {
  actor: StaffActor;
  /** Names the session's socket room (session-key.ts): log-out closes that session's sockets only. */
  sessionKey: string;
  /** The session's absolute end (epoch ms on the desk's clock). */
  sessionEndsAt: number;
}

/** Authenticates an agent socket at connection time, from the same session cookie as HTTP. */
@Injectable()
export class StaffSocketAuth {
  constructor(
    private readonly sessions: SessionMiddlewareProvider,
    private readonly auth: AuthService,
  ) {}

  /** The identity, or why the socket is refused. */
  async identify(socket: Socket): Promise<StaffSocketIdentity | 'UNAUTHENTICATED' | 'PASSWORD_CHANGE_REQUIRED'> {
    const request = socket.request as unknown as Request;
    await new Promise<void>((resolve, reject) => {
      const next: NextFunction = (err?: unknown) => (err ? reject(err) : resolve());
      this.sessions.handler(request, {} as Response, next);
    });
    const actor = await this.auth.actorForSession(request.session);
    if (!actor) return 'UNAUTHENTICATED';
    if (actor.mustChangePassword) return 'PASSWORD_CHANGE_REQUIRED';
    return { actor, sessionKey: sessionKey(request.sessionID), sessionEndsAt: request.session.endsAt! };
  }

  /** The session's absolute end has passed (checked on every event: no I/O). */
  expired(identity: StaffSocketIdentity): boolean {
    return !this.auth.isWithinLifetime({ endsAt: identity.sessionEndsAt });
  }
}
