import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared-statements';
import { describeError, ThreadOutcome } from '../thread-errors';

// Loaded by `module` and `name` in the writer thread: its file may import only small modules, never Nest or TypeORM.
export interface WriteTask<A, R> {
  readonly module: string;
  readonly name: string;
  readonly run: (db: Database, args: A) => R;
  // Once per transaction, however many times the task ran.
  readonly afterBatch?: (db: Database) => void;
}

export const writeTask = <A, R>(
  module: string,
  name: string,
  run: (db: Database, args: A) => R,
  options: { afterBatch?: (db: Database) => void } = {},
): WriteTask<A, R> => ({ module, name, run, ...options });

export type TaskOutcome = ThreadOutcome<unknown>;

// Structured clone: plain data only.
export interface TaskCall {
  module: string;
  name: string;
  args: unknown;
}

export function commitBatch(db: Database, units: { task: WriteTask<unknown, unknown>; args: unknown }[]): TaskOutcome[] {
  const outcomes: TaskOutcome[] = [];
  const afterBatch = new Set<(db: Database) => void>();
  prepared(db, 'BEGIN IMMEDIATE').run();
  try {
    for (const { task, args } of units) {
      prepared(db, 'SAVEPOINT task').run();
      try {
        outcomes.push({ ok: true, value: task.run(db, args) });
        prepared(db, 'RELEASE task').run();
        if (task.afterBatch) afterBatch.add(task.afterBatch);
      } catch (error) {
        prepared(db, 'ROLLBACK TO task').run();
        prepared(db, 'RELEASE task').run();
        outcomes.push({ ok: false, ...describeError(error) });
      }
    }
    for (const upkeep of afterBatch) upkeep(db);
    prepared(db, 'COMMIT').run();
  } catch (error) {
    if (db.inTransaction) prepared(db, 'ROLLBACK').run();
    throw error;
  }
  return outcomes;
}
