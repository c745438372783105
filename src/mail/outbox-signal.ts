import { Injectable } from '@nestjs/common';

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
