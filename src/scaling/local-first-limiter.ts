import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface LimitOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

export interface Admission {
  /** Settles once the shared count holds this consumption too (never rejects). */
  counted: Promise<void>;
}

const COUNTED: Admission = { counted: Promise.resolve() };

/**
 * A limit for the hot path: admitted on this instance's own count, without waiting on Redis, and
 * counted in Redis at the same time. When Redis's count says a key has used its window up, this
 * instance refuses the key until the window ends. A caller that waits for `counted` before its
 * next consumption of a key can pass the limit by at most one per instance serving that key.
 * If Redis fails, the local count alone decides.
 */
export class LocalFirstLimiter {
  private readonly local: RateLimiterMemory;

  constructor(
    options: LimitOptions,
    private readonly shared: RateLimiterAbstract | null,
  ) {
    this.local = new RateLimiterMemory(options);
  }

  /** Rejects with the local RateLimiterRes when the key is over its limit. */
  async consume(key: string): Promise<Admission> {
    await this.local.consume(key);
    if (!this.shared) return COUNTED;
    return {
      counted: this.shared.consume(key).then(
        (result) => {
          if (result.remainingPoints <= 0) this.blockUntilWindowEnds(key, result);
        },
        (refusal: unknown) => {
          if (refusal instanceof RateLimiterRes) this.blockUntilWindowEnds(key, refusal);
        },
      ),
    };
  }

  private blockUntilWindowEnds(key: string, shared: RateLimiterRes): void {
    void this.local.block(key, Math.max(1, Math.ceil(shared.msBeforeNext / 1000)));
  }
}
