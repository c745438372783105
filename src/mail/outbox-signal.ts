import { Injectable } from '@nestjs/common';

/** "A mail was queued on this instance": the outbox worker sends it at once instead of at its next poll. */
@Injectable()
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  mailQueued(): void {
    this.listeners.forEach((listener) => listener());
  }

  onQueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
