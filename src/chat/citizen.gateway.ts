import { BeforeApplicationShutdown, Logger, UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { CitizenSocketIdentity } from '../auth/idporten';
import { ClientAddresses } from '../common/client-address';
import { DomainError } from '../common/errors';
import { createValidationPipe } from '../common/validation';
import { WsAckExceptionFilter } from '../common/ws-ack-exception.filter';
import type { TicketEntity } from '../tickets/entities/ticket.entity';
import { ChatAccess } from './chat-access.service';
import { ChatContactService } from './chat-contact.service';
import { ChatIdentityService } from './chat-identity.service';
import { ChatLifecycleService } from './chat-lifecycle.service';
import { ChatMessagesService } from './chat-messages.service';
import { ChatNotifier } from './chat-notifier';
import { ChatQueueService } from './chat-queue.service';
import { ChatStartService } from './chat-start.service';
import { CitizenPresenceService } from './citizen-presence.service';
import {
  NAMESPACES,
  rooms,
  type CitizenClientEventMap,
  type CitizenSocket as Socket,
  type Reply,
} from './socket-contract';
import { TypingThrottle } from './typing-throttle';
import { CitizenSendDto, EndChatDto, RateChatDto, ResumeChatDto, StartChatDto, TicketContactDto, TypingDto } from './dto/citizen.dto';

type Answer<E extends keyof CitizenClientEventMap> = Promise<Reply<CitizenClientEventMap, E>>;

interface CitizenSocketData {
  chatId?: string;
}

@WebSocketGateway({ namespace: NAMESPACES.citizen })
@UseFilters(WsAckExceptionFilter)
@UsePipes(createValidationPipe())
export class CitizenGateway implements OnGatewayConnection, OnGatewayDisconnect, BeforeApplicationShutdown {
  private readonly logger = new Logger('CitizenGateway');
  private closing = false;

  constructor(
    private readonly starts: ChatStartService,
    private readonly access: ChatAccess,
    private readonly messages: ChatMessagesService,
    private readonly lifecycle: ChatLifecycleService,
    private readonly queue: ChatQueueService,
    private readonly notifier: ChatNotifier,
    private readonly identities: CitizenSocketIdentity,
    private readonly verification: ChatIdentityService,
    private readonly addresses: ClientAddresses,
    private readonly typingThrottle: TypingThrottle,
    private readonly presence: CitizenPresenceService,
    private readonly contacts: ChatContactService,
  ) {}

  async handleConnection(socket: Socket): Promise<void> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string') return;
    try {
      await this.rejoin(socket, token);
    } catch {
      socket.emit('chat:error', { code: 'UNAUTHENTICATED', message: 'The chat token is not valid' });
    }
  }

  /** Sockets close as the server stops: this instance going away is not the citizen going away. */
  beforeApplicationShutdown(): void {
    this.closing = true;
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    const chatId = (socket.data as CitizenSocketData).chatId;
    if (!chatId || this.closing) return;
    try {
      // Across every instance: the citizen may have another tab open elsewhere.
      await this.presence.disconnected(chatId, () => this.notifier.citizenConnected(chatId));
    } catch (error) {
      // The sweeper's presence check will catch up (ChatSweeper.sweep).
      this.logger.warn(`Could not record that the citizen of chat ${chatId} disconnected: ${(error as Error).message}`);
    }
  }

  @SubscribeMessage('chat:start' satisfies keyof CitizenClientEventMap)
  async start(@ConnectedSocket() socket: Socket, @MessageBody() input: StartChatDto): Answer<'chat:start'> {
    const started = await this.starts.start(this.addresses.ofSocket(socket), input);
    const chat = await this.verified(socket, await this.access.chatForToken(started.token));
    await this.enter(socket, chat);
    return { ok: true, ...started, chat: { ...started.chat, verified: chat.verified } };
  }

  @SubscribeMessage('chat:resume' satisfies keyof CitizenClientEventMap)
  async resume(@ConnectedSocket() socket: Socket, @MessageBody() input: ResumeChatDto): Answer<'chat:resume'> {
    const chat = await this.rejoin(socket, input.token);
    const history = await this.messages.historyForCitizen(chat, input.afterSeq ?? 0);
    const queued = chat.status === 'queued' ? await this.queue.positionOf(chat.id) : undefined;
    return { ok: true, ...history, ...(queued ? { position: queued.position, estimatedWaitSeconds: queued.estimatedWaitSeconds } : {}) };
  }

  @SubscribeMessage('message:send' satisfies keyof CitizenClientEventMap)
  async send(@ConnectedSocket() socket: Socket, @MessageBody() input: CitizenSendDto): Answer<'message:send'> {
    const message = await this.messages.sendAsCitizen(this.currentChatId(socket), input);
    return { ok: true, message };
  }

  @SubscribeMessage('typing' satisfies keyof CitizenClientEventMap)
  async typing(@ConnectedSocket() socket: Socket, @MessageBody() input: TypingDto): Promise<void> {
    const chatId = (socket.data as CitizenSocketData).chatId;
    if (chatId) this.typingThrottle.forward(socket, chatId, input.typing, (typing) => this.notifier.citizenTyping(chatId, typing));
  }

  @SubscribeMessage('chat:end' satisfies keyof CitizenClientEventMap)
  async end(@ConnectedSocket() socket: Socket, @MessageBody() _input: EndChatDto): Answer<'chat:end'> {
    await this.lifecycle.endByCitizen(await this.currentChat(socket));
    return { ok: true };
  }

  @SubscribeMessage('chat:rate' satisfies keyof CitizenClientEventMap)
  async rate(@ConnectedSocket() socket: Socket, @MessageBody() input: RateChatDto): Answer<'chat:rate'> {
    await this.lifecycle.rate(await this.currentChat(socket), input.score, input.comment);
    return { ok: true };
  }

  @SubscribeMessage('chat:verify' satisfies keyof CitizenClientEventMap)
  async verify(@ConnectedSocket() socket: Socket, @MessageBody() _input: EndChatDto): Answer<'chat:verify'> {
    const chat = await this.verified(socket, await this.currentChat(socket));
    return { ok: true, verified: chat.verified };
  }

  // Only the socket's own chat: the one its token opened.
  @SubscribeMessage('ticket:contact' satisfies keyof CitizenClientEventMap)
  async leaveContact(@ConnectedSocket() socket: Socket, @MessageBody() input: TicketContactDto): Answer<'ticket:contact'> {
    const contact = await this.contacts.leaveContact(await this.currentChat(socket), input);
    return { ok: true, contact };
  }

  private async verified(socket: Socket, chat: TicketEntity): Promise<TicketEntity> {
    return this.verification.apply(chat, await this.identities.identityFor(socket));
  }

  // Join first, read after: read the other way round, a close in between reached neither the answer nor the room.
  private async rejoin(socket: Socket, token: string): Promise<TicketEntity> {
    const found = await this.access.chatForToken(token);
    await this.enter(socket, found);
    return this.verified(socket, await this.access.chatById(found.id));
  }

  private async enter(socket: Socket, chat: TicketEntity): Promise<void> {
    const data = socket.data as CitizenSocketData;
    if (data.chatId && data.chatId !== chat.id) await socket.leave(rooms.chat(data.chatId));
    data.chatId = chat.id;
    await socket.join(rooms.chat(chat.id));
    if (chat.status === 'queued') this.notifier.citizenEntered(chat.id);
    if (chat.status === 'queued' || chat.status === 'active') await this.presence.connected(chat.id);
  }

  // Its state may change on another instance, so handlers read it afresh.
  private currentChatId(socket: Socket): string {
    const chatId = (socket.data as CitizenSocketData).chatId;
    if (!chatId) throw new DomainError('UNAUTHENTICATED', 'Start or resume a chat first');
    return chatId;
  }

  private async currentChat(socket: Socket): Promise<TicketEntity> {
    return this.access.chatById(this.currentChatId(socket));
  }
}
