import { toSqliteTime } from '../../database/sql';
import type { ChatSender } from './chat-message-admission';
import { ChatMessageInput, MessageStore, newMessageId, StoredChatMessage, toEntity } from './message-store';
import { storeChatMessage } from './store-chat-message.task';

export class SqliteMessageStore extends MessageStore {
  async storeChatMessage(chatId: string, sender: ChatSender, message: ChatMessageInput): Promise<StoredChatMessage> {
    const { clientId, body, createdAt } = message;
    const { row, isNew } = await this.transactions.runTask(storeChatMessage, { chatId, sender, id: newMessageId(), createdAt: toSqliteTime(createdAt), clientId, body });
    return { stored: toEntity(row), isNew };
  }
}
