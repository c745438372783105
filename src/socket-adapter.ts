import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';

/**
 * Socket.IO for every gateway. A browser always sends Origin on a WebSocket or polling request:
 * one from another site is refused, so a page elsewhere cannot ride on a staff member's cookie.
 * Clients that send no Origin (scripts, tests) carry no ambient browser credentials.
 */
export class DeskSocketAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly allowedOrigins: string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      serveClient: true,
      cors: { origin: false },
      maxHttpBufferSize: 64 * 1024,
      allowRequest: (request: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => callback(null, this.originAllowed(request)),
    }) as Server;
  }

  private originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (!origin) return true;
    if (this.allowedOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }
}
