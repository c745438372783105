import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { RedisConnection } from './redis-connection';

export interface LimitOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

// If Redis stops answering, each instance counts on its own rather than refuse or admit everyone.
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
