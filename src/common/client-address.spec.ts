import { ClientAddresses } from './client-address';

const via = (remoteAddress: string, forwardedFor?: string) => ({ headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}, remoteAddress });

describe('ClientAddresses', () => {
  it('takes the TCP peer and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(new ClientAddresses([]).of(via('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
  });

  it('walks X-Forwarded-For from the right through trusted hops only', () => {
    const addresses = new ClientAddresses(['10.0.0.0/8']);
    expect(addresses.of(via('10.0.0.2', '198.51.100.9'))).toBe('198.51.100.9');
    expect(addresses.of(via('10.0.0.2', '192.0.2.66, 198.51.100.9, 10.1.1.1'))).toBe('198.51.100.9');
    expect(addresses.of(via('203.0.113.7', '198.51.100.9'))).toBe('203.0.113.7');
  });

  it('handles IPv6 proxies, IPv4-mapped peers and the named ranges', () => {
    expect(new ClientAddresses(['fd00::/8']).of(via('fd00::5', '2001:db8::1'))).toBe('2001:db8::1');
    expect(new ClientAddresses(['127.0.0.1']).of(via('::ffff:127.0.0.1', '198.51.100.9'))).toBe('198.51.100.9');
    expect(new ClientAddresses(['loopback']).of(via('::1', '198.51.100.9'))).toBe('198.51.100.9');
  });

  it('reads a socket by its handshake', () => {
    const socket = { handshake: { headers: { 'x-forwarded-for': '198.51.100.9' }, address: '127.0.0.1' } };
    expect(new ClientAddresses(['127.0.0.1']).ofSocket(socket)).toBe('198.51.100.9');
    expect(new ClientAddresses([]).ofSocket(socket)).toBe('127.0.0.1');
  });
});
