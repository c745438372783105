import { RateLimiterRes } from 'rate-limiter-flexible';
import { LocalFirstLimiter, SharedCounts, WindowTotal } from './local-first-limiter';

const options = { keyPrefix: 'message', points: 4, duration: 60 };

async function admitted(limiter: LocalFirstLimiter, key: string, times: number): Promise<number> {
  let count = 0;
  for (let i = 0; i < times; i++) {
    const ok = await limiter.consume(key).then(
      () => true,
      (refusal: unknown) => {
        if (refusal instanceof RateLimiterRes) return false;
        throw refusal;
      },
    );
    if (ok) count++;
  }
  return count;
}

/** One window for every key, as Redis would keep it for instances that share it. */
class CountsInMemory implements SharedCounts {
  readonly totals = new Map<string, number>();
  readonly additions: Array<Record<string, number>> = [];

  constructor(private readonly msLeft = 60_000) {}

  add(counts: ReadonlyMap<string, number>): Promise<WindowTotal[]> {
    this.additions.push(Object.fromEntries(counts));
    return Promise.resolve(
      [...counts].map(([key, count]) => {
        const total = (this.totals.get(key) ?? 0) + count;
        this.totals.set(key, total);
        return { key, total, msLeft: this.msLeft };
      }),
    );
  }
}

describe('LocalFirstLimiter', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('admits up to the limit per key on its own count and refuses the next', async () => {
    const limiter = new LocalFirstLimiter(options, null);
    expect(await admitted(limiter, 'chat-1', 6)).toBe(4);
    expect(await admitted(limiter, 'chat-2', 1)).toBe(1);
  });

  it('admits without waiting for the shared count', async () => {
    const limiter = new LocalFirstLimiter(options, { add: () => new Promise(() => undefined) });
    expect(await admitted(limiter, 'chat-1', 2)).toBe(2);
  });

  it('adds every key consumed in an interval to the shared count in one call', async () => {
    const shared = new CountsInMemory();
    const limiter = new LocalFirstLimiter(options, shared);
    await admitted(limiter, 'chat-1', 2);
    await admitted(limiter, 'chat-2', 1);
    expect(shared.additions).toEqual([]);

    await jest.advanceTimersByTimeAsync(50);
    expect(shared.additions).toEqual([{ 'chat-1': 2, 'chat-2': 1 }]);
    await jest.advanceTimersByTimeAsync(500);
    expect(shared.additions).toHaveLength(1);
  });

  it('refuses a key on every instance that has shared once the total across them reaches the limit', async () => {
    const shared = new CountsInMemory();
    const a = new LocalFirstLimiter(options, shared);
    const b = new LocalFirstLimiter(options, shared);

    expect(await admitted(a, 'chat-1', 2)).toBe(2);
    await a.share();
    expect(await admitted(b, 'chat-1', 2)).toBe(2);
    await b.share();
    expect(await admitted(b, 'chat-1', 1)).toBe(0);
    // a has not heard yet: it admits on its own count until its next share.
    expect(await admitted(a, 'chat-1', 1)).toBe(1);
    await a.share();
    expect(await admitted(a, 'chat-1', 1)).toBe(0);
    expect(shared.totals.get('chat-1')).toBe(5);
    expect(await admitted(a, 'chat-2', 1)).toBe(1);
  });

  it('keeps the refusal until the shared window ends', async () => {
    const shared = new CountsInMemory(5_000);
    shared.totals.set('chat-1', 3);
    const limiter = new LocalFirstLimiter(options, shared);
    expect(await admitted(limiter, 'chat-1', 1)).toBe(1);
    await limiter.share();

    expect(await admitted(limiter, 'chat-1', 1)).toBe(0);
    await jest.advanceTimersByTimeAsync(4_900);
    expect(await admitted(limiter, 'chat-1', 1)).toBe(0);
    await jest.advanceTimersByTimeAsync(100);
    expect(await admitted(limiter, 'chat-1', 1)).toBe(1);
  });

  it('leaves the local count in charge when the shared count fails', async () => {
    const limiter = new LocalFirstLimiter(options, { add: () => Promise.reject(new Error('Redis is not ready')) });
    expect(await admitted(limiter, 'chat-1', 2)).toBe(2);
    await limiter.share();
    expect(await admitted(limiter, 'chat-1', 6)).toBe(2);
  });
});
