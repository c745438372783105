import { Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { LimitOptions, LocalFirstLimiter } from './local-first-limiter';
import { RedisConnection } from './redis-connection';
import { RedisWindowCounts } from './redis-window-counts';

const redisKeyPrefix = (options: LimitOptions) => `desk:${options.keyPrefix}`;

// If Redis stops answering, each instance counts on its own rather than refuse or admit everyone.
@Injectable()
export class RateLimiterFactory {
  constructor(private readonly redis: RedisConnection) {}

  create(options: LimitOptions): RateLimiterAbstract {
    const shared = this.redisOptions(options);
    if (!shared) return new RateLimiterMemory(options);
    return new RateLimiterRedis({ ...shared, insuranceLimiter: new RateLimiterMemory(options) });
  }

  /** For a limit on the chat message path, where a round trip to Redis per message costs a share of the CPU. */
  createLocalFirst(options: LimitOptions): LocalFirstLimiter {
    const client = this.redis.client;
    return new LocalFirstLimiter(options, client && new RedisWindowCounts(client, redisKeyPrefix(options), options.duration * 1000));
  }

  private redisOptions(options: LimitOptions) {
    if (!this.redis.client) return null;
    return { ...options, keyPrefix: redisKeyPrefix(options), storeClient: this.redis.client, rejectIfRedisNotReady: true };
  }
}
