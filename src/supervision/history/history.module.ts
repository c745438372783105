import { Module } from '@nestjs/common';
import { SqliteReader } from '../../database/reader-thread/sqlite-reader';
import { Sql } from '../../database/sql';
import { HistoryController } from './history.controller';
import { HistorySearchStore } from './history-search.store';
import { HistoryService } from './history.service';
import { PostgresHistorySearchStore } from './postgres-history-search.store';
import { SearchVocabularyJob } from './search-vocabulary.job';
import { SqliteHistorySearchStore } from './sqlite-history-search.store';

@Module({
  controllers: [HistoryController],
  providers: [
    HistoryService,
    SearchVocabularyJob,
    {
      provide: HistorySearchStore,
      inject: [Sql, SqliteReader],
      useFactory: (sql: Sql, reader: SqliteReader): HistorySearchStore =>
        sql.postgres ? new PostgresHistorySearchStore(sql) : new SqliteHistorySearchStore(reader),
    },
  ],
  exports: [HistoryService],
})
export class HistoryModule {}
