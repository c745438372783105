import { GIVE_UP_AFTER_MS, retryDelayMs } from './backoff';

const minutes = (ms: number | null) => (ms === null ? null : ms / 60_000);

describe('outbox backoff', () => {
  it('waits longer after each failed try: 30 s, 1, 2, 5, 15, 30, 60 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => minutes(retryDelayMs(n)))).toEqual([0.5, 1, 2, 5, 15, 30, 60]);
  });

  it('stays at an hour after that', () => {
    expect(minutes(retryDelayMs(8))).toBe(60);
    expect(minutes(retryDelayMs(20))).toBe(60);
  });

  it('gives up once the tries would pass 24 hours', () => {
    const lastTry = Array.from({ length: 100 }, (_, i) => i + 1).find((n) => retryDelayMs(n) === null)!;
    expect(lastTry).toBe(30);
    let waited = 0;
    for (let n = 1; n < lastTry; n += 1) waited += retryDelayMs(n)!;
    expect(waited).toBeLessThanOrEqual(GIVE_UP_AFTER_MS);
    expect(waited + 60 * 60_000).toBeGreaterThan(GIVE_UP_AFTER_MS);
    expect(retryDelayMs(lastTry + 1)).toBeNull();
  });
});
