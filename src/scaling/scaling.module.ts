import { Global, Module } from '@nestjs/common';
import { RateLimiterFactory } from './rate-limiter.factory';
import { RedisConnection } from './redis-connection';

/** What several instances share beyond the database: Redis for sockets and rate limits. */
@Global()
@Module({
  providers: [RedisConnection, RateLimiterFactory],
  exports: [RedisConnection, RateLimiterFactory],
})
export class ScalingModule {}
