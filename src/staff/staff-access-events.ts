import { Injectable } from '@nestjs/common';

export interface StaffAccessChange {
  userId: string;
  reason: 'disabled' | 'role' | 'password-reset';
}

type Listener = (change: StaffAccessChange) => Promise<void>;

// Listeners are awaited, so an admin's request answers only after the account's sessions are gone.
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
