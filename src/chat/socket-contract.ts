// docs/contract.md §3 in types.
import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import type { CitizenContext } from '../citizens/citizen-context.types';
import type { ErrorCode, ErrorDetail } from '../common/errors';
import type { LiveBoard } from '../supervision/live-board/live-board.service';
import type { ChatDto, MessageDto, NoteDto } from '../tickets/ticket.dto';
import type { ChatHistory } from './chat-messages.service';
import type { AcceptedChat, WaitingChat } from './chat-queue.service';
import type { ReferralResult } from './chat-referral.service';
import type { EndedBy } from './desk-events';
import type {
  AddChatNoteDto,
  AgentSendDto,
  AgentStatusDto,
  AgentTypingDto,
  ChatRefDto,
  CloseChatDto,
  JoinChatDto,
  TransferChatDto,
} from './dto/agent.dto';
import type { WayBack } from './chat-contact.service';
import type { CitizenSendDto, RateChatDto, ResumeChatDto, StartChatDto, TicketContactDto, TypingDto } from './dto/citizen.dto';
import type { ReferChatDto } from './dto/referral.dto';

export const NAMESPACES = { citizen: '/citizen', agent: '/agent' } as const;

export const rooms = {
  chat: (chatId: string) => `chat:${chatId}`,
  user: (userId: string) => `user:${userId}`,
  session: (key: string) => `session:${key}`,
  available: 'available',
  supervisors: 'supervisors',
};

export type AckError = { code: ErrorCode | 'TIMEOUT' | 'NETWORK'; message: string; details?: ErrorDetail[] };
export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: AckError };

interface Call<P, R = object> {
  payload: P;
  reply: R | undefined;
}
interface Push<P> {
  payload: P;
  reply: undefined;
}

interface QueuePlace {
  position: number;
  estimatedWaitSeconds: number;
}
type Empty = Record<string, never>;

export interface CitizenClientEventMap {
  'chat:start': Call<StartChatDto, { chat: ChatDto; token: string } & QueuePlace>;
  'chat:resume': Call<ResumeChatDto, ChatHistory & Partial<QueuePlace>>;
  'message:send': Call<CitizenSendDto, { message: MessageDto }>;
  typing: Push<TypingDto>;
  'chat:end': Call<Empty>;
  'chat:rate': Call<RateChatDto>;
  'chat:verify': Call<Empty, { verified: boolean }>;
  /** Once, while the chat's ticket has no way back (`chat.askContact`). */
  'ticket:contact': Call<TicketContactDto, { contact: WayBack }>;
}

export interface CitizenServerEventMap {
  'chat:queued': QueuePlace;
  'chat:assigned': { agentName: string };
  'chat:verified': { verified: true };
  'chat:ended': { by: EndedBy; outcome?: string };
  'chat:error': { code: ErrorCode; message: string };
  'message:new': MessageDto;
  typing: { typing: boolean };
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
  status: string;
}

export interface AgentState {
  user: { id: string; username: string; displayName: string; role: string };
  status: string;
  chats: ChatDto[];
  waiting: WaitingChat[];
}

export interface AgentClientEventMap {
  'agent:status': Call<AgentStatusDto>;
  'queue:list': Call<Empty, { waiting: WaitingChat[] }>;
  'agents:list': Call<Empty, { agents: StaffMember[] }>;
  'chat:accept': Call<ChatRefDto, AcceptedChat>;
  'chat:join': Call<JoinChatDto, ChatHistory & { readOnly: boolean }>;
  'chat:leave': Call<ChatRefDto>;
  'message:send': Call<AgentSendDto, { message: MessageDto }>;
  'note:add': Call<AddChatNoteDto, { note: NoteDto }>;
  'chat:refer': Call<ReferChatDto, Pick<ReferralResult, 'message' | 'contact'>>;
  'chat:transfer': Call<TransferChatDto>;
  'chat:close': Call<CloseChatDto>;
  /** The chat ends and goes on as a ticket its agent keeps; its citizen is asked for a way back. */
  'chat:toTicket': Call<ChatRefDto>;
  typing: Push<AgentTypingDto>;
  'board:get': Call<Empty, { board: LiveBoard }>;
}

export interface AgentServerEventMap {
  'agent:state': AgentState;
  'agent:status': { status: 'available' | 'away' | 'offline' };
  'queue:updated': { waiting: WaitingChat[]; total: number };
  'chat:assigned': { chatId: string; agentName: string };
  'chat:removed': { chatId: string; reason: 'transferred' | 'requeued' };
  'chat:verified': { chatId: string };
  /** To the chat's room: its citizen has a connection again, or has none left since `leftAt`. */
  'chat:presence': { chatId: string; connected: boolean; leftAt?: string };
  'chat:ended': { chatId: string; by: EndedBy; outcome?: string };
  'message:new': MessageDto;
  'note:new': NoteDto;
  typing: { chatId: string; typing: boolean; author: 'citizen' };
  'board:updated': LiveBoard;
}

export type { AcceptedChat, ChatHistory, CitizenContext, LiveBoard, WaitingChat };

export type Reply<M, E extends keyof M> = M[E] extends { reply: infer R } ? { ok: true } & NonNullable<R> : never;

export type Emits<M> = { [E in keyof M]: (payload: M[E]) => void };

export type CitizenNamespace = Namespace<DefaultEventsMap, Emits<CitizenServerEventMap>>;
export type AgentNamespace = Namespace<DefaultEventsMap, Emits<AgentServerEventMap>>;
export type CitizenSocket = Socket<DefaultEventsMap, Emits<CitizenServerEventMap>>;
export type AgentSocket = Socket<DefaultEventsMap, Emits<AgentServerEventMap>>;
