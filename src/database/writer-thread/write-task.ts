import type { Database } from 'better-sqlite3';
import { DomainError, ErrorCode } from '../../common/errors';
import { prepared } from '../prepared-statements';

/**
 * A unit of write work in plain SQL on a bare better-sqlite3 connection, so that it can run in the
 * writer thread (writer-thread.ts). The thread loads it by `module` and `name`: it must be a
 * module-level export whose file imports at run time only small modules (database helpers, plain
 * domain rules), never Nest or TypeORM. Its arguments and result are plain data (they are copied
 * between threads); a DomainError it throws reaches the caller as one.
 */
export interface WriteTask<A, R> {
  readonly module: string;
  readonly name: string;
  readonly run: (db: Database, args: A) => R;
  /** Run once at the end of a transaction in which the task succeeded, however many times it ran. */
  readonly afterBatch?: (db: Database) => void;
}

/** Declares a write task; `module` is the declaring file's `__filename`, `name` its export's name. */
export const writeTask = <A, R>(
  module: string,
  name: string,
  run: (db: Database, args: A) => R,
  options: { afterBatch?: (db: Database) => void } = {},
): WriteTask<A, R> => ({ module, name, run, ...options });

/** A task with its arguments, as it crosses to the writer thread (structured clone: plain data only). */
export interface TaskCall {
  module: string;
  name: string;
  args: unknown;
}

/**
 * An error as it crosses between threads: its message, and SQLite's code (`SQLITE_CONSTRAINT_UNIQUE`…)
 * or, for a refusal the client is told of (a DomainError), the product's error code.
 */
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

/** The error again on the main thread: the DomainError, or an Error with SQLite's code. */
export function errorFrom(description: ErrorDescription): Error {
  if (description.domain) return new DomainError(description.code as ErrorCode, description.error);
  return Object.assign(new Error(description.error), description.code ? { code: description.code } : {});
}

/**
 * Runs every task in one transaction, each in its own savepoint: a task that throws is rolled back
 * alone and reported as failed. Then the `afterBatch` of each task that succeeded, once. Throws
 * (nothing committed) if the transaction itself fails.
 */
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
