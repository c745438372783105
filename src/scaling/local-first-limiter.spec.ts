import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { LocalFirstLimiter } from './local-first-limiter';

const options = { keyPrefix: 'message', points: 4, duration: 60 };

/** Every consumption admitted on the local count, with the shared count settled after it. */
async function admitted(limiter: LocalFirstLimiter, key: string, times: number): Promise<number> {
  let count = 0;
  for (let i = 0; i < times; i++) {
    const admission = await limiter.consume(key).catch((refusal: unknown) => {
      if (refusal instanceof RateLimiterRes) return null;
      throw refusal;
    });
    if (!admission) continue;
    await admission.counted;
    count++;
  }
  return count;
}

const sharedThat = (consume: () => Promise<RateLimiterRes>) => ({ consume }) as unknown as RateLimiterAbstract;

describe('LocalFirstLimiter', () => {
  afterEach(() => jest.useRealTimers());

  it('admits up to the limit per key on its own count and refuses the next', async () => {
    const limiter = new LocalFirstLimiter(options, null);
    expect(await admitted(limiter, 'chat-1', 6)).toBe(4);
    expect(await admitted(limiter, 'chat-2', 1)).toBe(1);
  });

  it('admits without waiting for the shared count', async () => {
    const limiter = new LocalFirstLimiter(options, sharedThat(() => new Promise(() => undefined)));
    await expect(limiter.consume('chat-1')).resolves.toHaveProperty('counted');
  });

  it('refuses a key on every instance within one consumption each once the shared count is used up', async () => {
    const shared = new RateLimiterMemory(options);
    const a = new LocalFirstLimiter(options, shared);
    const b = new LocalFirstLimiter(options, shared);

    expect(await admitted(a, 'chat-1', 2)).toBe(2);
    expect(await admitted(b, 'chat-1', 2)).toBe(2);
    // b's last consumption left nothing in the shared window; a has not heard of it yet.
    expect(await admitted(b, 'chat-1', 1)).toBe(0);
    expect(await admitted(a, 'chat-1', 3)).toBe(1);
    expect((await shared.get('chat-1'))?.consumedPoints).toBe(5);
  });

  it('keeps the refusal until the shared window ends', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') });
    const limiter = new LocalFirstLimiter(options, sharedThat(() => Promise.reject(new RateLimiterRes(0, 5_000, 9))));

    expect(await admitted(limiter, 'chat-1', 3)).toBe(1);
    jest.advanceTimersByTime(5_000);
    expect(await admitted(limiter, 'chat-1', 1)).toBe(1);
  });

  it('leaves the local count in charge when the shared count fails', async () => {
    const limiter = new LocalFirstLimiter(options, sharedThat(() => Promise.reject(new Error('Redis is not ready'))));
    expect(await admitted(limiter, 'chat-1', 6)).toBe(4);
  });
});
