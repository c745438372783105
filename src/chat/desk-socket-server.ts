import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Server } from 'socket.io';
import { NAMESPACES, type AgentNamespace, type CitizenNamespace } from './socket-contract';

// Without a server (the service test tier) there is nobody to push to.
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

  whenReady(ready: (server: Server) => void): void {
    if (this.server) ready(this.server);
    else this.waiting.push(ready);
  }
}
