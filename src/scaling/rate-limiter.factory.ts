import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { RedisConnection } from './redis-connection';

export interface LimitOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

/**
 * Rate limits that every instance counts together: in Redis when there is one, else in this
 * process. If Redis stops answering, each instance falls back to counting on its own for the
 * while (the insurance limiter) instead of refusing everyone or letting everyone through.
 */
@Injectable()
export class RateLimiterFactory {
  constructor(private readonly redis: RedisConnection) {}

  create(options: LimitOptions): RateLimiterAbstract {
    if (!this.redis.client) return new RateLimiterMemory(options);
    return new RateLimiterRedis({
      ...options,
      keyPrefix: `desk:${options.keyPrefix}`,
      storeClient: this.redis.client,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }
}
