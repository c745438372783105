import { DomainError } from '../../common/errors';
import { admitChatMessage, ChatState } from './chat-message-admission';

const CITIZEN_NUMBER = '17858500060';
const OTHER_NUMBER = '26826499361';

const chat = (state: Partial<ChatState> = {}): ChatState => ({
  channel: 'chat',
  status: 'active',
  assigneeId: 'agent-1',
  verified: 0,
  nationalId: null,
  citizenName: 'Kari',
  ...state,
});
const agent = { role: 'agent' as const, id: 'agent-1', staffRole: 'agent' as const, name: 'Ola' };
const citizen = { role: 'citizen' as const };

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('The message was admitted');
}

describe('admitChatMessage', () => {
  it('takes the citizen’s message while the chat waits or is under way, under the citizen’s name', () => {
    for (const status of ['queued', 'active'] as const) {
      expect(admitChatMessage(chat({ status }), citizen, 'Hei')).toEqual({ author: 'citizen', authorId: null, authorName: 'Kari', body: 'Hei' });
    }
  });

  it.each(['closed', 'open', 'pending'] as const)('refuses the citizen’s message in a %s chat', (status) => {
    expect(refusal(() => admitChatMessage(chat({ status }), citizen, 'Hei'))).toBe('CONFLICT: This chat has ended');
  });

  it('takes the assigned agent’s message in an active chat, under the agent’s id and name', () => {
    expect(admitChatMessage(chat(), agent, 'Hei')).toEqual({ author: 'agent', authorId: 'agent-1', authorName: 'Ola', body: 'Hei' });
  });

  it('refuses an agent the chat is not assigned to, and the assigned agent once the chat is not active', () => {
    expect(refusal(() => admitChatMessage(chat({ assigneeId: 'agent-2' }), agent, 'Hei'))).toBe('FORBIDDEN: This chat is handled by someone else');
    expect(refusal(() => admitChatMessage(chat({ status: 'queued', assigneeId: null }), agent, 'Hei'))).toBe('FORBIDDEN: This chat is handled by someone else');
    expect(refusal(() => admitChatMessage(chat({ status: 'closed' }), agent, 'Hei'))).toBe('CONFLICT: This chat is not active');
  });

  it('finds no chat where there is none, or the ticket is not a chat', () => {
    expect(refusal(() => admitChatMessage(undefined, citizen, 'Hei'))).toBe('NOT_FOUND: Chat not found');
    expect(refusal(() => admitChatMessage(chat({ channel: 'email' }), agent, 'Hei'))).toBe('NOT_FOUND: Chat not found');
  });

  it('masks national identity numbers, except the verified citizen’s own in the citizen’s messages', () => {
    const text = `Jeg er ${CITIZEN_NUMBER}, sønnen ${OTHER_NUMBER}.`;
    const verified = chat({ verified: 1, nationalId: CITIZEN_NUMBER });
    expect(admitChatMessage(verified, citizen, text).body).toBe(`Jeg er ${CITIZEN_NUMBER}, sønnen 268264*****.`);
    expect(admitChatMessage(chat({ verified: 0, nationalId: CITIZEN_NUMBER }), citizen, text).body).toBe('Jeg er 178585*****, sønnen 268264*****.');
    expect(admitChatMessage(verified, agent, text).body).toBe('Jeg er 178585*****, sønnen 268264*****.');
  });
});
