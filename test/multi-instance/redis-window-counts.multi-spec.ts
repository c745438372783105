import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { RedisWindowCounts } from '../../src/scaling/redis-window-counts';

/** The message limit's shared counts, on the real Redis (TEST_REDIS_URL). */

let redis: Redis;
beforeAll(() => (redis = new Redis(process.env.TEST_REDIS_URL!)));
afterAll(() => redis?.quit());

describe('RedisWindowCounts', () => {
  it("adds many keys' counts in one call and answers each key's total and the window's time left", async () => {
    const prefix = `test:${randomUUID()}`;
    const counts = new RedisWindowCounts(redis, prefix, 60_000);

    expect(await counts.add(new Map([['chat-1', 2], ['chat-2', 1]]))).toEqual([
      { key: 'chat-1', total: 2, msLeft: expect.any(Number) },
      { key: 'chat-2', total: 1, msLeft: expect.any(Number) },
    ]);
    const [later] = await counts.add(new Map([['chat-1', 3]]));
    expect(later.total).toBe(5);
    // The window started with the first addition; a later one does not move its end.
    expect(later.msLeft).toBeGreaterThan(58_000);
    expect(later.msLeft).toBeLessThanOrEqual(60_000);
    expect(await redis.pttl(`${prefix}:chat-1`)).toBeLessThanOrEqual(later.msLeft);
  });

  it('keeps the same keys and windows as rate-limiter-flexible', async () => {
    const prefix = `test:${randomUUID()}`;
    await new RedisWindowCounts(redis, prefix, 60_000).add(new Map([['chat-1', 4]]));
    const limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: prefix, points: 5, duration: 60 });

    expect(await limiter.get('chat-1')).toMatchObject({ consumedPoints: 4, remainingPoints: 1 });
  });

  it('answers no totals, rather than wrong ones, when Redis refuses a command', async () => {
    const prefix = `test:${randomUUID()}`;
    await redis.set(`${prefix}:chat-1`, 'not a number', 'EX', 60);
    const counts = new RedisWindowCounts(redis, prefix, 60_000);

    expect(await counts.add(new Map([['chat-1', 1], ['chat-2', 1]]))).toEqual([{ key: 'chat-2', total: 1, msLeft: expect.any(Number) }]);
  });
});
