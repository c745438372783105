import type { ChatSender } from './chat-message-admission';
import { storeChatMessageSteps } from './message-sql';
import { ChatMessageInput, MessageStore, newMessageId, StoredChatMessage, toEntity } from './message-store';

// The chat's row is held until the commit, so two sends of one clientId on two instances cannot both miss each other.
export class PostgresMessageStore extends MessageStore {
  async storeChatMessage(chatId: string, sender: ChatSender, message: ChatMessageInput): Promise<StoredChatMessage> {
    const { clientId, body, createdAt } = message;
    const { row, isNew } = await this.transactions.run((db) =>
      this.runSteps(storeChatMessageSteps({ chatId, sender, id: newMessageId(), createdAt, clientId, body }), db),
    );
    return { stored: toEntity(row), isNew };
  }
}
