import type { IncomingHttpHeaders } from 'node:http';
import proxyaddr from 'proxy-addr';

/** Whether the hop at `address` (`hop` 0 is the TCP peer) is a proxy the desk trusts to say who is behind it. */
export type ProxyTrust = (address: string, hop: number) => boolean;

const trustNone: ProxyTrust = () => false;

/**
 * TRUSTED_PROXIES: addresses or CIDRs (IPv4 and IPv6) and proxy-addr's names `loopback`,
 * `linklocal`, `uniquelocal`. Throws on anything else, so a typo stops the start.
 */
export function compileProxyTrust(proxies: readonly string[]): ProxyTrust {
  return proxies.length === 0 ? trustNone : proxyaddr.compile([...proxies]);
}

/** A connection as HTTP and Socket.IO both see it: its headers and the TCP peer's address. */
export interface ClientConnection {
  headers: IncomingHttpHeaders;
  remoteAddress: string | undefined;
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy; then X-Forwarded-For is
 * walked from the right, through trusted hops only, and the first untrusted one is the client.
 * Express's `request.ip` follows the same rule once `trust proxy` is this ProxyTrust.
 */
export function clientAddress(connection: ClientConnection, trust: ProxyTrust): string {
  if (!connection.remoteAddress) return 'unknown';
  return proxyaddr({ headers: connection.headers, socket: { remoteAddress: connection.remoteAddress } }, trust);
}

/** Splits and checks TRUSTED_PROXIES ("" is none). */
export function parseTrustedProxies(text: string): string[] {
  const proxies = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const proxy of proxies) {
    try {
      compileProxyTrust([proxy]);
    } catch {
      throw new Error(`"${proxy}" is not an IP address, a CIDR range (e.g. 10.0.0.0/8, fd00::/8) or one of loopback, linklocal, uniquelocal`);
    }
  }
  return proxies;
}

/** The one rule above with TRUSTED_PROXIES compiled once; provided by ConfigModule. */
export class ClientAddresses {
  readonly trust: ProxyTrust;

  constructor(trustedProxies: readonly string[]) {
    this.trust = compileProxyTrust(trustedProxies);
  }

  of(connection: ClientConnection): string {
    return clientAddress(connection, this.trust);
  }

  /** A Socket.IO socket: the handshake's headers and the TCP peer it came from. */
  ofSocket(socket: { handshake: { headers: IncomingHttpHeaders; address: string } }): string {
    return this.of({ headers: socket.handshake.headers, remoteAddress: socket.handshake.address });
  }
}
