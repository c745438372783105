import { Module } from '@nestjs/common';
import { HistoryController } from './history.controller';
import { HistorySearchStore } from './history-search.store';
import { HistoryService } from './history.service';
import { SqliteHistorySearchStore } from './sqlite-history-search.store';

/** History search and export. The store is SQLite FTS5 (the only database the desk runs on today). */
@Module({
  controllers: [HistoryController],
  providers: [HistoryService, { provide: HistorySearchStore, useClass: SqliteHistorySearchStore }],
  exports: [HistoryService],
})
export class HistoryModule {}
