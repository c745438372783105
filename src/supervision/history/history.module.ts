import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Sql } from '../../database/sql';
import { HistoryController } from './history.controller';
import { HistorySearchStore } from './history-search.store';
import { HistoryService } from './history.service';
import { PostgresHistorySearchStore } from './postgres-history-search.store';
import { SqliteHistorySearchStore } from './sqlite-history-search.store';

/** History search and export, on the database's own full-text search: FTS5 on SQLite, tsvector/GIN on PostgreSQL. */
@Module({
  controllers: [HistoryController],
  providers: [
    HistoryService,
    {
      provide: HistorySearchStore,
      inject: [Sql, DataSource],
      useFactory: (sql: Sql, dataSource: DataSource): HistorySearchStore =>
        sql.postgres ? new PostgresHistorySearchStore(sql) : new SqliteHistorySearchStore(dataSource),
    },
  ],
  exports: [HistoryService],
})
export class HistoryModule {}
