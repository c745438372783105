import type { Redis } from 'ioredis';
import type { SharedCounts, WindowTotal } from './local-first-limiter';

/**
 * Fixed windows in Redis, as rate-limiter-flexible keeps them (`prefix:key`, expiring when the
 * window ends), added to for many keys in one pipeline.
 */
export class RedisWindowCounts implements SharedCounts {
  constructor(
    private readonly client: Redis,
    private readonly keyPrefix: string,
    private readonly windowMs: number,
  ) {}

  async add(counts: ReadonlyMap<string, number>): Promise<WindowTotal[]> {
    const pipeline = this.client.pipeline();
    for (const [key, count] of counts) {
      const redisKey = `${this.keyPrefix}:${key}`;
      pipeline.incrby(redisKey, count).pexpire(redisKey, this.windowMs, 'NX').pttl(redisKey);
    }
    const replies = (await pipeline.exec()) ?? [];
    return [...counts.keys()].flatMap((key, i) => {
      const [[incrError, total], , [ttlError, msLeft]] = replies.slice(i * 3, i * 3 + 3);
      if (incrError || ttlError) return [];
      return [{ key, total: Number(total), msLeft: Number(msLeft) }];
    });
  }
}
