import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { openDataSource } from './open-data-source';
import { SqliteReader } from './reader-thread/sqlite-reader';
import { Sql } from './sql';
import { Transactions } from './transactions';
import { WalCheckpointer } from './wal-checkpointer';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => buildDataSourceOptions(config.database),
      dataSourceFactory: (options) => openDataSource(options!),
    }),
  ],
  providers: [Transactions, Sql, WalCheckpointer, SqliteReader],
  exports: [Transactions, Sql, SqliteReader],
})
export class DatabaseModule {}
