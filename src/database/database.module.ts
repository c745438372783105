import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { openDataSource } from './open-data-source';
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
  providers: [Transactions, Sql, WalCheckpointer],
  exports: [Transactions, Sql],
})
export class DatabaseModule {}
