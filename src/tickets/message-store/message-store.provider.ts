import type { Provider } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Sql } from '../../database/sql';
import { Transactions } from '../../database/transactions';
import { MessageEntity } from '../entities/message.entity';
import { MessageStore } from './message-store';
import { PostgresMessageStore } from './postgres-message-store';
import { SqliteMessageStore } from './sqlite-message-store';

export const messageStoreProvider: Provider = {
  provide: MessageStore,
  inject: [getRepositoryToken(MessageEntity), Sql, Transactions],
  useFactory: (messages: Repository<MessageEntity>, sql: Sql, transactions: Transactions): MessageStore =>
    sql.postgres ? new PostgresMessageStore(messages, sql, transactions) : new SqliteMessageStore(messages, sql, transactions),
};
