import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Server } from 'socket.io';
import { NAMESPACES, type AgentNamespace, type CitizenNamespace } from './socket-contract';

/**
 * The desk's Socket.IO server, for providers that push without handling events (ChatNotifier).
 * Without a server (the service test tier, before the application is started) there is nobody to push to.
 */
@WebSocketGateway()
export class DeskSocketServer implements OnGatewayInit {
  private server?: Server;
  private readonly waiting: ((server: Server) => void)[] = [];

  afterInit(server: Server): void {
    this.server = server;
    for (const ready of this.waiting.splice(0)) ready(server);
  }

  get citizens(): CitizenNamespace | undefined {
    return this.server?.of(NAMESPACES.citizen) as CitizenNamespace | undefined;
  }

  get agents(): AgentNamespace | undefined {
    return this.server?.of(NAMESPACES.agent) as AgentNamespace | undefined;
  }

  /** Runs `ready` once the server exists (at once if it does). */
  whenReady(ready: (server: Server) => void): void {
    if (this.server) ready(this.server);
    else this.waiting.push(ready);
  }
}
