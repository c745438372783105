import { SocketEventLimit } from './socket-event-limit';

const LIMITS = { perSecond: 10, burst: 20, dropAbovePerSecond: 50 };
const takeMany = (limit: SocketEventLimit, count: number, at: number) => Array.from({ length: count }, () => limit.take(at));

describe('SocketEventLimit', () => {
  it('allows a burst, then limits until the bucket refills', () => {
    const limit = new SocketEventLimit(LIMITS, 0);
    expect(takeMany(limit, 20, 0).every((v) => v === 'allow')).toBe(true);
    expect(limit.take(0)).toBe('limit');
    expect(takeMany(limit, 5, 500)).toEqual(['allow', 'allow', 'allow', 'allow', 'allow']);
    expect(limit.take(500)).toBe('limit');
  });

  it('keeps allowing a steady rate at the refill speed', () => {
    const limit = new SocketEventLimit(LIMITS, 0);
    const verdicts = Array.from({ length: 200 }, (_, i) => limit.take(i * 100));
    expect(verdicts.every((v) => v === 'allow')).toBe(true);
  });

  it('drops a socket past the ceiling within one second, and counts afresh the next second', () => {
    const limit = new SocketEventLimit(LIMITS, 0);
    const verdicts = takeMany(limit, 51, 0);
    expect(verdicts.slice(20, 50).every((v) => v === 'limit')).toBe(true);
    expect(verdicts[50]).toBe('drop');
    const fresh = new SocketEventLimit(LIMITS, 0);
    takeMany(fresh, 50, 0);
    expect(fresh.take(1000)).toBe('allow');
  });
});
