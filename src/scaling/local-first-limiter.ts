import { RateLimiterMemory } from 'rate-limiter-flexible';

export interface LimitOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

/** A key's count in the shared window after an addition, and how long that window has left. */
export interface WindowTotal {
  key: string;
  total: number;
  msLeft: number;
}

/** Counts shared by every instance (Redis), added to in batches. */
export interface SharedCounts {
  add(counts: ReadonlyMap<string, number>): Promise<WindowTotal[]>;
}

/** How long consumptions gather before they are added to the shared count in one round trip. */
export const SHARE_EVERY_MS = 50;

/**
 * A limit for the hot path: admitted on this instance's own count, with no round trip per
 * consumption. What was consumed is added to the shared count every SHARE_EVERY_MS, all keys in one
 * round trip; once a key's shared total reaches the limit, this instance refuses the key until the
 * shared window ends. Until it hears, an instance admits on its own count, so a key consumed on
 * several instances at once passes the limit by what the others admitted in their last interval.
 * If the shared count fails, the local count alone decides.
 */
export class LocalFirstLimiter {
  private readonly local: RateLimiterMemory;
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: LimitOptions,
    private readonly shared: SharedCounts | null,
  ) {
    this.local = new RateLimiterMemory(options);
  }

  /** Rejects with the local RateLimiterRes when the key is over its limit. */
  async consume(key: string): Promise<void> {
    await this.local.consume(key);
    if (!this.shared) return;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    this.timer ??= setTimeout(() => void this.share(), SHARE_EVERY_MS).unref();
  }

  /** Adds what was consumed since the last call to the shared count; settles when it is heard. */
  async share(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.shared || this.pending.size === 0) return;
    const counts = this.pending;
    this.pending = new Map();
    const totals = await this.shared.add(counts).catch(() => []);
    for (const { key, total, msLeft } of totals) {
      if (total >= this.options.points && msLeft > 0) void this.local.block(key, Math.ceil(msLeft / 1000));
    }
  }
}
