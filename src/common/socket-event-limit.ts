/** How many events one socket may send: a token bucket (soft) and a ceiling per second (hard). */
export interface SocketEventLimits {
  /** Events a second the bucket refills with: what a socket may send for long. */
  perSecond: number;
  /** The bucket's size: how far above perSecond a short burst may go. */
  burst: number;
  /** Events within one second past which the socket is dropped. */
  dropAbovePerSecond: number;
}

/**
 * A citizen types and sends by hand, and its page sends "typing" once when typing starts and once
 * when it stops: a few events a second. 20 a second, with a burst of 40 (a reconnect that resumes
 * and re-sends what was pending), is far above that and far below the 9,000 a second of a flood.
 */
export const CITIZEN_EVENT_LIMITS: SocketEventLimits = { perSecond: 20, burst: 40, dropAbovePerSecond: 200 };

/**
 * Staff sockets are logged in, and one agent serves up to MAX_CHATS_PER_AGENT chats on one socket.
 * The chat benchmark's agents (bench/chat-load.js, ten chats a socket, each answering as fast as
 * acknowledgements come back) send about 30 events a second at this machine's peak and would send
 * about 80 at the bare relay's speed: 100 a second keeps them, and any person, well clear.
 */
export const STAFF_EVENT_LIMITS: SocketEventLimits = { perSecond: 100, burst: 200, dropAbovePerSecond: 400 };

export type EventVerdict = 'allow' | 'limit' | 'drop';

/** One socket's count. `now` is milliseconds (a monotonic clock in production). */
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
