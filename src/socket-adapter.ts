import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-adapter';
import type { IncomingMessage } from 'node:http';
import { Socket as TcpSocket } from 'node:net';
import { isObservable, type Observable } from 'rxjs';
import type { Server, ServerOptions } from 'socket.io';
import { fromThisSite } from './common/same-site';
import type { RedisConnection } from './scaling/redis-connection';

/** The socket type of the Socket.IO copy @nestjs/platform-socket.io itself depends on. */
type NestSocket = Parameters<IoAdapter['bindMessageHandlers']>[0];

/**
 * Socket.IO for every gateway. A browser always sends Origin on a WebSocket or polling request:
 * one from another site is refused, so a page elsewhere cannot ride on a staff member's cookie.
 * Clients that send no Origin (scripts, tests) carry no ambient browser credentials.
 *
 * With Redis, rooms span instances through @socket.io/redis-adapter (Redis pub/sub). Pub/sub
 * delivers at most once, which is enough here: every message is stored before it is acknowledged
 * and a client that missed a push resumes from its last seq. The Redis Streams adapter would
 * replay missed packets too, at the cost of a stream kept in Redis; the desk does not need it.
 */
export class DeskSocketAdapter extends IoAdapter {
  private readonly logger = new Logger('DeskSocketAdapter');

  constructor(
    app: INestApplicationContext,
    private readonly allowedOrigins: string[],
    private readonly redis: RedisConnection,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = this.createServer(port, options);
    server.engine.on('flush', writeFlushAtOnce);
    if (this.redis.client) server.adapter(createAdapter(this.redis.client, this.redis.subscriber(), { key: 'desk', requestsTimeout: 3000 }));
    return server;
  }

  /**
   * Nest's own version keeps an rxjs pipeline (fromEvent, mergeMap, takeUntil) alive per socket and
   * per handler: about 30 KB for each connected citizen, most of the memory of 10,000 citizens
   * waiting in the queue (bench/README.md). A plain listener per handler does the same work. Nest's
   * way of answering (`transform`) builds an rxjs pipeline per message, about 8 % of what a chat
   * message allocated: here a handler's promise is awaited directly, and rxjs carries only an
   * Observable a handler answers with.
   */
  override bindMessageHandlers(socket: NestSocket, handlers: MessageMappingProperties[], transform: (data: unknown) => Observable<unknown>): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
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

  private createServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      serveClient: true,
      cors: { origin: false },
      maxHttpBufferSize: 64 * 1024,
      allowRequest: (request: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => callback(null, this.originAllowed(request)),
    }) as Server;
  }

  /** Browsers always send Origin on a socket's requests (see common/same-site.ts). */
  private originAllowed(request: IncomingMessage): boolean {
    return fromThisSite({ origin: request.headers.origin, host: request.headers.host }, this.allowedOrigins);
  }
}

/**
 * engine.io flushes the packets that queued for a socket while its last write was under way (an
 * acknowledgement and the messages of a group commit, say) one WebSocket frame and one `writev`
 * system call each. Holding the TCP socket for the rest of the tick sends them in one: under load
 * two to three frames a call, and the system calls were the largest cost of the socket thread
 * (bench/README.md). 'flush' is emitted just before engine.io hands the packets to the transport.
 */
function writeFlushAtOnce(socket: { transport: { name: string } }): void {
  if (socket.transport.name !== 'websocket') return;
  // ws keeps a WebSocket's TCP socket in `_socket` (private, as is the `_sender` engine.io itself uses).
  const tcp = (socket.transport as { socket?: { _socket?: unknown } }).socket?._socket;
  if (!(tcp instanceof TcpSocket) || tcp.writableCorked > 0) return;
  tcp.cork();
  process.nextTick(() => tcp.uncork());
}
