import type { Database } from 'better-sqlite3';
import { DomainError, ErrorCode } from '../../common/errors';
import { prepared } from '../prepared-statements';

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

// Structured clone: plain data only.
export interface TaskCall {
  module: string;
  name: string;
  args: unknown;
}

export interface ErrorDescription {
  error: string;
  code?: string;
  domain?: true;
}

export type TaskOutcome = { ok: true; value: unknown } | ({ ok: false } & ErrorDescription);

export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof Error)) return { error: String(error) };
  if (error instanceof DomainError) return { error: error.message, code: error.code, domain: true };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? { error: error.message, code } : { error: error.message };
}

export function errorFrom(description: ErrorDescription): Error {
  if (description.domain) return new DomainError(description.code as ErrorCode, description.error);
  return Object.assign(new Error(description.error), description.code ? { code: description.code } : {});
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
