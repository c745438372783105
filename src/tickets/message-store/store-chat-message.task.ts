import type { Database } from 'better-sqlite3';
import { prepared } from '../../database/prepared-statements';
import { mergeSearchIndexStep } from '../../database/search-index-merge';
import { writeTask } from '../../database/writer-thread/write-task';
import { runStepsSync, SqlStep, StoreChatMessageArgs, storeChatMessageSteps, StoredRow } from './message-sql';

// The desk's hottest write (docs/design/transactions.md).
export const storeChatMessage = writeTask(__filename, 'storeChatMessage', store, { afterBatch: mergeSearchIndexStep });

const execute = (db: Database) => (step: SqlStep) => {
  const statement = prepared(db, step.sql);
  return step.mode === 'get' ? statement.get(...step.params) : statement.run(...step.params);
};

function store(db: Database, args: StoreChatMessageArgs): StoredRow {
  return runStepsSync(storeChatMessageSteps(args), execute(db));
}
