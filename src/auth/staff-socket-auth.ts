import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { SessionData } from 'express-session';
import type { Socket } from 'socket.io';
import { Clock } from '../common/clock';
import type { StaffActor } from './actor';
import { AuthService } from './auth.service';
import { sessionKey } from './session-key';
import { SessionMiddlewareProvider } from './session-middleware.provider';

/**
 * How long a socket goes on trusting what it last read of its session. Revocations close sockets
 * at once (SessionRevoker); this re-read catches one whose disconnect was lost (Redis pub/sub is
 * at most once) or that raced its own handshake.
 */
const RECHECK_MS = 30_000;

/** Who is behind an agent socket, and which session it rides on. */
export interface StaffSocketIdentity {
  actor: StaffActor;
  /** Names the session's socket room (session-key.ts): log-out closes that session's sockets only. */
  sessionKey: string;
  /** The session's absolute end (epoch ms on the desk's clock). */
  sessionEndsAt: number;
}

interface SessionCheck {
  sid: string;
  checkedAt: number;
}

/** Authenticates an agent socket at connection time, from the same session cookie as HTTP, and re-checks it as it is used. */
@Injectable()
export class StaffSocketAuth {
  /** Kept here, not in socket.data, which other instances can read through the Redis adapter. */
  private readonly checks = new WeakMap<Socket, SessionCheck>();

  constructor(
    private readonly sessions: SessionMiddlewareProvider,
    private readonly auth: AuthService,
    private readonly clock: Clock,
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
    this.checks.set(socket, { sid: request.sessionID, checkedAt: this.clock.now().getTime() });
    return { actor, sessionKey: sessionKey(request.sessionID), sessionEndsAt: request.session.endsAt! };
  }

  /**
   * Whether the socket may go on: its session has not reached its absolute end (every call, no
   * I/O), and, read again from the database when `force` or when the last read is older than
   * RECHECK_MS, the session still exists and its account is enabled with the same role.
   */
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
