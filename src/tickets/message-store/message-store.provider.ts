import type { Provider } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APPLICATION_NAME } from '../../database/data-source-options';
import { Sql } from '../../database/sql';
import { Transactions } from '../../database/transactions';
import { MessageEntity } from '../entities/message.entity';
import { MessageStore } from './message-store';
import { PostgresMessageStore } from './postgres-message-store';
import { SqliteMessageStore } from './sqlite-message-store';

// The chat message thread's connection, apart from the pool's in pg_stat_activity.
export const CHAT_MESSAGE_CONNECTION = `${APPLICATION_NAME} chat messages`;

export function createMessageStore(messages: Repository<MessageEntity>, sql: Sql, transactions: Transactions, config: AppConfig): MessageStore {
  if (config.database.type !== 'postgres') return new SqliteMessageStore(messages, sql, transactions);
  return new PostgresMessageStore(messages, sql, transactions, { url: config.database.url, applicationName: CHAT_MESSAGE_CONNECTION });
}

export const messageStoreProvider: Provider = {
  provide: MessageStore,
  inject: [getRepositoryToken(MessageEntity), Sql, Transactions, AppConfig],
  useFactory: createMessageStore,
};
