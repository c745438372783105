import type { IncomingHttpHeaders } from 'node:http';
import proxyaddr from 'proxy-addr';

export type ProxyTrust = (address: string, hop: number) => boolean;

const trustNone: ProxyTrust = () => false;

// Throws on anything else, so a typo stops the start.
export function compileProxyTrust(proxies: readonly string[]): ProxyTrust {
  return proxies.length === 0 ? trustNone : proxyaddr.compile([...proxies]);
}

export interface ClientConnection {
  headers: IncomingHttpHeaders;
  remoteAddress: string | undefined;
}

// X-Forwarded-For is walked from the right through trusted hops only, as Express's `request.ip` does.
export function clientAddress(connection: ClientConnection, trust: ProxyTrust): string {
  if (!connection.remoteAddress) return 'unknown';
  return proxyaddr({ headers: connection.headers, socket: { remoteAddress: connection.remoteAddress } }, trust);
}

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

export class ClientAddresses {
  readonly trust: ProxyTrust;

  constructor(trustedProxies: readonly string[]) {
    this.trust = compileProxyTrust(trustedProxies);
  }

  of(connection: ClientConnection): string {
    return clientAddress(connection, this.trust);
  }

  ofSocket(socket: { handshake: { headers: IncomingHttpHeaders; address: string } }): string {
    return this.of({ headers: socket.handshake.headers, remoteAddress: socket.handshake.address });
  }
}
