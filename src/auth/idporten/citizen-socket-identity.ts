import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Socket } from 'socket.io';
import { SessionMiddlewareProvider } from '../session-middleware.provider';
import type { CitizenIdentity } from './citizen-identity';

/**
 * The ID-porten identity behind a citizen socket: read from the session cookie sent with the
 * handshake (same session as HTTP). Null when the citizen has not logged in.
 */
@Injectable()
export class CitizenSocketIdentity {
  constructor(private readonly sessions: SessionMiddlewareProvider) {}

  async identityFor(socket: Socket): Promise<CitizenIdentity | null> {
    const request = socket.request as unknown as Request;
    if (!request.session) {
      await new Promise<void>((resolve, reject) => {
        const next: NextFunction = (err?: unknown) => (err ? reject(err) : resolve());
        this.sessions.handler(request, {} as Response, next);
      });
    }
    return request.session?.citizenIdentity ?? null;
  }
}
