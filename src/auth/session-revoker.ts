import { Injectable, OnModuleInit } from '@nestjs/common';
import { StaffAccessEvents } from '../staff/staff-access-events';
import { SessionMiddlewareProvider } from './session-middleware.provider';

export interface StaffSocketCloser {
  closeUser(userId: string, keepSessionKey?: string): void;
  closeSession(sessionKey: string): void;
}

@Injectable()
export class SessionRevoker implements OnModuleInit {
  private sockets?: StaffSocketCloser;

  constructor(
    private readonly sessions: SessionMiddlewareProvider,
    private readonly accessEvents: StaffAccessEvents,
  ) {}

  onModuleInit(): void {
    this.accessEvents.onChange((change) => this.endSessionsOf(change.userId));
  }

  attachSockets(closer: StaffSocketCloser): void {
    this.sockets = closer;
  }

  async endSessionsOf(userId: string, keep?: { sid: string; key: string }): Promise<void> {
    await this.sessions.store.destroyAllOf(userId, keep?.sid);
    this.sockets?.closeUser(userId, keep?.key);
  }

  endSocketsOfSession(sessionKey: string): void {
    this.sockets?.closeSession(sessionKey);
  }
}
