import { Injectable } from '@nestjs/common';

/** Something about an account changed that its open sessions and sockets must not outlive. */
export interface StaffAccessChange {
  userId: string;
  reason: 'disabled' | 'role' | 'password-reset';
}

type Listener = (change: StaffAccessChange) => Promise<void>;

/**
 * Tells the session and socket side (auth, chat) of account changes without the staff module
 * depending on them. Listeners are awaited, so an admin's request answers only after the
 * account's sessions are gone.
 */
@Injectable()
export class StaffAccessEvents {
  private readonly listeners: Listener[] = [];

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  async changed(change: StaffAccessChange): Promise<void> {
    await Promise.all(this.listeners.map((listener) => listener(change)));
  }
}
