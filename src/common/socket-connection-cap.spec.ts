import { SocketConnectionCap } from './socket-connection-cap';

describe('SocketConnectionCap', () => {
  it('admits connections from one address up to the cap, and again after one closes', () => {
    const cap = new SocketConnectionCap(2);
    expect(cap.opened('198.51.100.1')).toBe(true);
    expect(cap.opened('198.51.100.1')).toBe(true);
    expect(cap.admits('198.51.100.1')).toBe(false);
    expect(cap.admits('198.51.100.2')).toBe(true);
    cap.closed('198.51.100.1');
    expect(cap.admits('198.51.100.1')).toBe(true);
  });

  it('tells when handshakes that raced past the check went over the cap', () => {
    const cap = new SocketConnectionCap(1);
    expect([cap.admits('a'), cap.admits('a')]).toEqual([true, true]);
    expect(cap.opened('a')).toBe(true);
    expect(cap.opened('a')).toBe(false);
    cap.closed('a');
    cap.closed('a');
    expect(cap.admits('a')).toBe(true);
  });
});
