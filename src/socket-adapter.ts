import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-adapter';
import type { IncomingMessage } from 'node:http';
import { Socket as TcpSocket } from 'node:net';
import { isObservable, type Observable } from 'rxjs';
import type { Server, ServerOptions } from 'socket.io';
import type { DomainError } from './common/errors';
import { payloadOutsideLimits, payloadWithinLimits } from './common/payload-limits';
import type { ClientAddresses } from './common/client-address';
import { SocketConnectionCap } from './common/socket-connection-cap';
import { CITIZEN_EVENT_LIMITS, SocketEventLimit, STAFF_EVENT_LIMITS } from './common/socket-event-limit';
import { fromThisSite } from './common/same-site';
import type { RedisConnection } from './scaling/redis-connection';
import { NAMESPACES } from './chat/socket-contract';

type EngineConnection = { request: IncomingMessage; once(event: 'close', listener: () => void): void; close(): void };

const TOO_MANY_CONNECTIONS = 'Too many connections from your address: close another tab or window of this site and try again';

type NestSocket = Parameters<IoAdapter['bindMessageHandlers']>[0];

// Browsers always send Origin: one from another site is refused so a page elsewhere cannot ride on a staff cookie.
// Redis pub/sub delivers at most once, enough because messages are stored first and clients resume from their seq.
export class DeskSocketAdapter extends IoAdapter {
  private readonly logger = new Logger('DeskSocketAdapter');
  private readonly limited = new WeakSet<object>();
  private readonly cap?: SocketConnectionCap;

  constructor(
    app: INestApplicationContext,
    private readonly allowedOrigins: string[],
    private readonly redis: RedisConnection,
    private readonly connections?: { addresses: ClientAddresses; maxPerAddress: number },
  ) {
    super(app);
    this.cap = connections ? new SocketConnectionCap(connections.maxPerAddress) : undefined;
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = this.createServer(port, options);
    server.engine.on('flush', writeFlushAtOnce);
    server.engine.on('connection', (connection: EngineConnection) => this.countConnection(connection));
    if (this.redis.client) server.adapter(createAdapter(this.redis.client, this.redis.subscriber(), { key: 'desk', requestsTimeout: 3000 }));
    return server;
  }

  // Nest's own version keeps an rxjs pipeline per socket and handler: ~30 KB per waiting citizen (bench/README.md).
  override bindMessageHandlers(socket: NestSocket, handlers: MessageMappingProperties[], transform: (data: unknown) => Observable<unknown>): void {
    this.limitEvents(socket);
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        if (!payloadWithinLimits(data)) return refuse(ack, payloadOutsideLimits());
        const answer = (response: unknown) => {
          if (response === undefined || response === null) return;
          const reply = response as { event?: string; data?: unknown };
          if (reply.event) socket.emit(reply.event, reply.data);
          else if (!isAckHandledManually && typeof ack === 'function') (ack as (value: unknown) => void)(response);
        };
        // Nest's handler proxy has already passed any error to the gateway's exception filter.
        Promise.resolve(callback(data, ack))
          .then((result) => (isObservable(result) ? transform(result).subscribe(answer) : answer(result)))
          .catch((error: Error) => this.logger.error(`Could not answer ${String(message)}: ${error.message}`));
      });
    }
  }

  // Two gateways share /agent, so this runs once per socket.
  private limitEvents(socket: NestSocket): void {
    if (this.limited.has(socket)) return;
    this.limited.add(socket);
    const limit = new SocketEventLimit(socket.nsp.name === NAMESPACES.agent ? STAFF_EVENT_LIMITS : CITIZEN_EVENT_LIMITS, performance.now());
    socket.use((packet, next) => {
      const verdict = limit.take(performance.now());
      if (verdict === 'allow') return next();
      if (verdict === 'drop') {
        if (socket.connected) this.logger.warn(`Dropped a ${socket.nsp.name} socket that sent too many events in one second`);
        socket.disconnect(true);
        return;
      }
      const ack = packet[packet.length - 1];
      if (typeof ack === 'function') (ack as (value: unknown) => void)({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many events: slow down.' } });
    });
  }

  private createServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      serveClient: false,
      cors: { origin: false },
      maxHttpBufferSize: 64 * 1024,
      allowRequest: (request: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
        if (!this.originAllowed(request)) return callback(null, false);
        if (this.cap && !this.cap.admits(this.addressOf(request))) return callback(TOO_MANY_CONNECTIONS, false);
        callback(null, true);
      },
    }) as Server;
  }

  private countConnection(connection: EngineConnection): void {
    if (!this.cap) return;
    const address = this.addressOf(connection.request);
    const cap = this.cap;
    connection.once('close', () => cap.closed(address));
    if (!cap.opened(address)) connection.close();
  }

  private addressOf(request: IncomingMessage): string {
    return this.connections!.addresses.of({ headers: request.headers, remoteAddress: request.socket.remoteAddress });
  }

  private originAllowed(request: IncomingMessage): boolean {
    return fromThisSite({ origin: request.headers.origin, host: request.headers.host }, this.allowedOrigins);
  }
}

function refuse(ack: unknown, error: DomainError): void {
  if (typeof ack === 'function') (ack as (value: unknown) => void)({ ok: false, error: { code: error.code, message: error.message } });
}

// engine.io writes one frame and one writev per queued packet; corking for the tick batches them (bench/README.md).
function writeFlushAtOnce(socket: { transport: { name: string } }): void {
  if (socket.transport.name !== 'websocket') return;
  // ws keeps a WebSocket's TCP socket in `_socket` (private, as is the `_sender` engine.io itself uses).
  const tcp = (socket.transport as { socket?: { _socket?: unknown } }).socket?._socket;
  if (!(tcp instanceof TcpSocket) || tcp.writableCorked > 0) return;
  tcp.cork();
  process.nextTick(() => tcp.uncork());
}
