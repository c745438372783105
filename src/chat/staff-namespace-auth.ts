import { BeforeApplicationShutdown } from '@nestjs/common';
import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { hasPermission } from '../auth/permissions';
import { SessionRevoker } from '../auth/session-revoker';
import { StaffSocketAuth, StaffSocketIdentity } from '../auth/staff-socket-auth';
import { NAMESPACES, rooms, type AgentNamespace, type AgentSocket } from './socket-contract';

const SESSION_SWEEP_MS = 2000;

// Guards do not run on the handshake: the session is checked here, then on every event.
@WebSocketGateway({ namespace: NAMESPACES.agent })
export class StaffNamespaceAuth implements OnGatewayInit, BeforeApplicationShutdown {
  private namespace!: AgentNamespace;
  private sessionSweep?: NodeJS.Timeout;

  constructor(
    private readonly auth: StaffSocketAuth,
    private readonly revoker: SessionRevoker,
  ) {}

  afterInit(namespace: AgentNamespace): void {
    this.namespace = namespace;
    namespace.use((socket, next) => {
      this.admit(socket).then(
        (refusal) => next(refusal ? new Error(refusal) : undefined),
        () => next(new Error('UNAUTHENTICATED')),
      );
    });
    this.revoker.attachSockets({
      closeUser: (userId, keepSessionKey) => {
        const sockets = namespace.in(rooms.user(userId));
        (keepSessionKey ? sockets.except(rooms.session(keepSessionKey)) : sockets).disconnectSockets(true);
      },
      closeSession: (key) => namespace.in(rooms.session(key)).disconnectSockets(true),
    });
    this.sessionSweep = setInterval(() => this.sweepSessions(), SESSION_SWEEP_MS);
    this.sessionSweep.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.sessionSweep);
  }

  private async admit(socket: AgentSocket): Promise<string | undefined> {
    const identity = await this.auth.identify(socket);
    if (typeof identity === 'string') return identity;
    Object.assign(socket.data as object, identity);
    const supervises = hasPermission(identity.actor.role, 'desk:supervise');
    await socket.join([rooms.user(identity.actor.id), rooms.session(identity.sessionKey), ...(supervises ? [rooms.supervisors] : [])]);
    // A revocation that came between the identification and joining these rooms missed this socket.
    if (!(await this.auth.stillValid(socket, identity, true))) return 'UNAUTHENTICATED';
    this.checkEveryEvent(socket, identity);
    return undefined;
  }

  // Chained so that events keep their order.
  private checkEveryEvent(socket: AgentSocket, identity: StaffSocketIdentity): void {
    let gate: Promise<boolean> = Promise.resolve(true);
    socket.use((_packet, next) => {
      gate = gate.then((valid) => valid && this.auth.stillValid(socket, identity)).catch(() => false);
      void gate.then((valid) => {
        if (valid) return next();
        next(new Error('UNAUTHENTICATED'));
        socket.disconnect(true);
      });
    });
  }

  private sweepSessions(): void {
    for (const socket of this.namespace.sockets.values()) {
      const identity = socket.data as Partial<StaffSocketIdentity>;
      if (!identity.actor) continue;
      this.auth.stillValid(socket, identity as StaffSocketIdentity).then(
        (valid) => valid || socket.disconnect(true),
        () => socket.disconnect(true),
      );
    }
  }
}
