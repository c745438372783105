import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Socket } from 'socket.io';
import { SessionMiddlewareProvider } from '../session-middleware.provider';
import type { CitizenIdentity } from './citizen-identity';

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
