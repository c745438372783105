import { BeforeApplicationShutdown, Logger, UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { StaffActor } from '../auth/actor';
import { createValidationPipe } from '../common/validation';
import { WsAckExceptionFilter } from '../common/ws-ack-exception.filter';
import { StaffService } from '../staff/staff.service';
import { AgentPresenceService } from './agent-presence.service';
import { ChatAccess } from './chat-access.service';
import { ChatLifecycleService } from './chat-lifecycle.service';
import { ChatMessagesService } from './chat-messages.service';
import { ChatNotifier } from './chat-notifier';
import { ChatQueueService } from './chat-queue.service';
import { ChatReferralService } from './chat-referral.service';
import { ReferChatDto } from './dto/referral.dto';
import {
  AddChatNoteDto,
  AgentSendDto,
  AgentStatusDto,
  AgentTypingDto,
  ChatRefDto,
  CloseChatDto,
  JoinChatDto,
  TransferChatDto,
} from './dto/agent.dto';
import {
  NAMESPACES,
  rooms,
  type AgentClientEventMap,
  type AgentNamespace as Namespace,
  type AgentSocket as Socket,
  type Reply,
} from './socket-contract';
import { TypingThrottle } from './typing-throttle';

type Answer<E extends keyof AgentClientEventMap> = Promise<Reply<AgentClientEventMap, E>>;

const actorOf = (socket: Socket): StaffActor => (socket.data as { actor: StaffActor }).actor;

@WebSocketGateway({ namespace: NAMESPACES.agent })
@UseFilters(WsAckExceptionFilter)
@UsePipes(createValidationPipe())
export class AgentGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, BeforeApplicationShutdown {
  private readonly logger = new Logger('AgentGateway');
  private namespace!: Namespace;
  private closing = false;

  constructor(
    private readonly presence: AgentPresenceService,
    private readonly queue: ChatQueueService,
    private readonly messages: ChatMessagesService,
    private readonly lifecycle: ChatLifecycleService,
    private readonly access: ChatAccess,
    private readonly staff: StaffService,
    private readonly notifier: ChatNotifier,
    private readonly referrals: ChatReferralService,
    private readonly typingThrottle: TypingThrottle,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
  }

  async handleConnection(socket: Socket): Promise<void> {
    const actor = actorOf(socket);
    if (!actor) return;
    try {
      await this.welcome(socket, actor);
    } catch (error) {
      if (!this.closing) this.logger.warn(`Could not set up agent ${actor.id}'s connection: ${(error as Error).message}`);
      socket.disconnect(true);
    }
  }

  private async welcome(socket: Socket, actor: StaffActor): Promise<void> {
    const state = await this.presence.connected(actor);
    await socket.join(state.chats.map((chat) => rooms.chat(chat.id)));
    if (state.status === 'available') await socket.join(rooms.available);
    socket.emit('agent:state', {
      user: { id: actor.id, username: actor.username, displayName: actor.displayName, role: actor.role },
      ...state,
      waiting: state.status === 'available' ? await this.queue.waiting() : [],
    });
  }

  // This instance going away is not the agent going away.
  beforeApplicationShutdown(): void {
    this.closing = true;
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    const actor = actorOf(socket);
    if (!actor || this.closing) return;
    try {
      // Across every instance: the agent may have another tab open elsewhere.
      const remaining = await this.namespace.in(rooms.user(actor.id)).fetchSockets();
      if (remaining.length === 0) await this.presence.disconnected(actor.id);
    } catch (error) {
      // ChatSweeper.sweep's presence check will catch up.
      this.logger.warn(`Could not record that agent ${actor.id} disconnected: ${(error as Error).message}`);
    }
  }

  @SubscribeMessage('agent:status' satisfies keyof AgentClientEventMap)
  async status(@ConnectedSocket() socket: Socket, @MessageBody() input: AgentStatusDto): Answer<'agent:status'> {
    await this.presence.setStatus(actorOf(socket), input.status);
    return { ok: true };
  }

  @SubscribeMessage('queue:list' satisfies keyof AgentClientEventMap)
  async waiting(): Answer<'queue:list'> {
    return { ok: true, waiting: await this.queue.waiting() };
  }

  @SubscribeMessage('agents:list' satisfies keyof AgentClientEventMap)
  async agents(): Answer<'agents:list'> {
    const agents = (await this.staff.listActive()).map((u) => ({ id: u.id, displayName: u.displayName, role: u.role, status: u.status }));
    return { ok: true, agents };
  }

  @SubscribeMessage('chat:accept' satisfies keyof AgentClientEventMap)
  async accept(@ConnectedSocket() socket: Socket, @MessageBody() input: ChatRefDto): Answer<'chat:accept'> {
    const accepted = await this.queue.accept(actorOf(socket), input.chatId);
    await socket.join(rooms.chat(input.chatId));
    return { ok: true, ...accepted };
  }

  @SubscribeMessage('chat:join' satisfies keyof AgentClientEventMap)
  async join(@ConnectedSocket() socket: Socket, @MessageBody() input: JoinChatDto): Answer<'chat:join'> {
    const history = await this.messages.historyForStaff(actorOf(socket), input.chatId, input.afterSeq ?? 0);
    await socket.join(rooms.chat(input.chatId));
    return { ok: true, ...history, readOnly: !(await this.access.allows(actorOf(socket), input.chatId, 'handle')) };
  }

  @SubscribeMessage('chat:leave' satisfies keyof AgentClientEventMap)
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() input: ChatRefDto): Answer<'chat:leave'> {
    await socket.leave(rooms.chat(input.chatId));
    return { ok: true };
  }

  @SubscribeMessage('message:send' satisfies keyof AgentClientEventMap)
  async send(@ConnectedSocket() socket: Socket, @MessageBody() input: AgentSendDto): Answer<'message:send'> {
    return { ok: true, message: await this.messages.sendAsAgent(actorOf(socket), input) };
  }

  @SubscribeMessage('note:add' satisfies keyof AgentClientEventMap)
  async note(@ConnectedSocket() socket: Socket, @MessageBody() input: AddChatNoteDto): Answer<'note:add'> {
    return { ok: true, note: await this.messages.addNote(actorOf(socket), input.chatId, input.body) };
  }

  @SubscribeMessage('chat:refer' satisfies keyof AgentClientEventMap)
  async refer(@ConnectedSocket() socket: Socket, @MessageBody() input: ReferChatDto): Answer<'chat:refer'> {
    const referral = await this.referrals.referInChat(actorOf(socket), input.chatId, input.provider);
    return { ok: true, message: referral.message, contact: referral.contact };
  }

  @SubscribeMessage('chat:transfer' satisfies keyof AgentClientEventMap)
  async transfer(@ConnectedSocket() socket: Socket, @MessageBody() input: TransferChatDto): Answer<'chat:transfer'> {
    await this.lifecycle.transfer(actorOf(socket), input.chatId, input.toUserId);
    return { ok: true };
  }

  @SubscribeMessage('chat:close' satisfies keyof AgentClientEventMap)
  async close(@ConnectedSocket() socket: Socket, @MessageBody() input: CloseChatDto): Answer<'chat:close'> {
    await this.lifecycle.closeByAgent(actorOf(socket), input.chatId, input.outcome);
    return { ok: true };
  }

  @SubscribeMessage('chat:toTicket' satisfies keyof AgentClientEventMap)
  async toTicket(@ConnectedSocket() socket: Socket, @MessageBody() input: ChatRefDto): Answer<'chat:toTicket'> {
    await this.lifecycle.makeTicket(actorOf(socket), input.chatId);
    return { ok: true };
  }

  @SubscribeMessage('typing' satisfies keyof AgentClientEventMap)
  async typing(@ConnectedSocket() socket: Socket, @MessageBody() input: AgentTypingDto): Promise<void> {
    if (!(await this.access.allows(actorOf(socket), input.chatId, 'handle'))) return;
    this.typingThrottle.forward(socket, input.chatId, input.typing, (typing) => this.notifier.agentTyping(input.chatId, typing));
  }
}
