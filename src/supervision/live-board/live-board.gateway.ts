import { Logger, OnModuleDestroy, OnModuleInit, UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, OnGatewayConnection, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { StaffActor } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { DeskEvents, DeskEventMap } from '../../chat/desk-events';
import {
  NAMESPACES,
  rooms,
  type AgentClientEventMap,
  type AgentNamespace as Namespace,
  type AgentSocket as Socket,
  type Reply,
} from '../../chat/socket-contract';
import { forbidden } from '../../common/errors';
import { createValidationPipe } from '../../common/validation';
import { WsAckExceptionFilter } from '../../common/ws-ack-exception.filter';
import { LiveBoardService } from './live-board.service';

const PUSH_INTERVAL_MS = 250;
const BOARD_EVENTS: (keyof DeskEventMap)[] = ['queue.changed', 'chat.assigned', 'chat.requeued', 'chat.ended', 'agent.status', 'chat.verified', 'ticket.mail'];

@WebSocketGateway({ namespace: NAMESPACES.agent })
@UseFilters(WsAckExceptionFilter)
@UsePipes(createValidationPipe())
export class LiveBoardGateway implements OnGatewayConnection, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveBoard');
  @WebSocketServer() private namespace?: Namespace;
  private pushPending = false;
  private pushTimer: NodeJS.Timeout | null = null;
  private lastPushAt = 0;
  private stopped = false;

  constructor(
    private readonly board: LiveBoardService,
    private readonly desk: DeskEvents,
  ) {}

  onModuleInit(): void {
    for (const event of BOARD_EVENTS) this.desk.on(event, () => this.schedulePush());
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.pushTimer) clearTimeout(this.pushTimer);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const actor = (socket.data as { actor?: StaffActor }).actor;
    if (!actor || !hasPermission(actor.role, 'desk:supervise')) return;
    try {
      socket.emit('board:updated', await this.board.snapshot());
    } catch (error) {
      if (!this.stopped) this.logger.warn(`Could not send the board: ${(error as Error).message}`);
    }
  }

  @SubscribeMessage('board:get' satisfies keyof AgentClientEventMap)
  async get(@ConnectedSocket() socket: Socket): Promise<Reply<AgentClientEventMap, 'board:get'>> {
    const actor = (socket.data as { actor?: StaffActor }).actor;
    if (!actor || !hasPermission(actor.role, 'desk:supervise')) throw forbidden('Only supervisors see the live board');
    return { ok: true, board: await this.board.snapshot() };
  }

  // A snapshot reads every chat in progress, and a mail import alone announces ~60 changes a second.
  private schedulePush(): void {
    if (this.pushPending || this.stopped) return;
    this.pushPending = true;
    const wait = Math.max(0, this.lastPushAt + PUSH_INTERVAL_MS - Date.now());
    this.pushTimer = setTimeout(() => this.push(), wait);
  }

  private push(): void {
    this.pushPending = false;
    this.pushTimer = null;
    if (this.stopped) return;
    this.lastPushAt = Date.now();
    this.board
      .snapshot()
      .then((snapshot) => this.namespace?.to(rooms.supervisors).emit('board:updated', snapshot))
      .catch((error: Error) => {
        if (!this.stopped) this.logger.error(`Board push failed: ${error.stack ?? error.message}`);
      });
  }
}
