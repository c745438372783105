import { Global, Module } from '@nestjs/common';
import { RateLimiterFactory } from './rate-limiter.factory';
import { RedisConnection } from './redis-connection';

@Global()
@Module({
  providers: [RedisConnection, RateLimiterFactory],
  exports: [RedisConnection, RateLimiterFactory],
})
export class ScalingModule {}
