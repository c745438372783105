export interface SocketEventLimits {
  perSecond: number;
  burst: number;
  dropAbovePerSecond: number;
}

// A citizen sends a few events a second by hand; a flood sends 9,000.
export const CITIZEN_EVENT_LIMITS: SocketEventLimits = { perSecond: 20, burst: 40, dropAbovePerSecond: 200 };

// bench/chat-load.js agents (ten chats a socket) send about 30 events a second at peak.
export const STAFF_EVENT_LIMITS: SocketEventLimits = { perSecond: 100, burst: 200, dropAbovePerSecond: 400 };

export type EventVerdict = 'allow' | 'limit' | 'drop';

// `now`: a monotonic clock in production.
export class SocketEventLimit {
  private tokens: number;
  private refilledAt: number;
  private secondStartedAt: number;
  private inThisSecond = 0;

  constructor(
    private readonly limits: SocketEventLimits,
    now: number,
  ) {
    this.tokens = limits.burst;
    this.refilledAt = now;
    this.secondStartedAt = now;
  }

  take(now: number): EventVerdict {
    if (now - this.secondStartedAt >= 1000) {
      this.secondStartedAt = now;
      this.inThisSecond = 0;
    }
    this.inThisSecond += 1;
    if (this.inThisSecond > this.limits.dropAbovePerSecond) return 'drop';
    this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.limits.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return 'limit';
    this.tokens -= 1;
    return 'allow';
  }
}
