import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Socket } from 'socket.io';
import type { StaffActor } from './actor';
import { AuthService } from './auth.service';
import { SessionMiddlewareProvider } from './session-middleware.provider';

/** Authenticates an agent socket at connection time, from the same session cookie as HTTP. */
@Injectable()
export class StaffSocketAuth {
  constructor(
    private readonly sessions: SessionMiddlewareProvider,
    private readonly auth: AuthService,
  ) {}

  async actorFor(socket: Socket): Promise<StaffActor | null> {
    const request = socket.request as unknown as Request;
    await new Promise<void>((resolve, reject) => {
      const next: NextFunction = (err?: unknown) => (err ? reject(err) : resolve());
      this.sessions.handler(request, {} as Response, next);
    });
    return this.auth.actorForSession(request.session);
  }
}
