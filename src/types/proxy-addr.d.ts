declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http';

  type Trust = (address: string, hop: number) => boolean;
  type ForwardedRequest = Pick<IncomingMessage, 'headers'> & { socket: { remoteAddress?: string } };

  function proxyaddr(request: ForwardedRequest, trust: Trust | string | string[]): string;
  namespace proxyaddr {
    function compile(trust: string | string[]): Trust;
  }
  export = proxyaddr;
}
