import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applySqliteSettings } from '../sqlite-settings';
import { commitBatch, describeError, TaskCall, TaskOutcome, WriteTask } from './write-task';

/** The writer thread's side: its own connection to the database file, one batch at a time. */

export interface WriterThreadData {
  file: string;
}

export interface BatchRequest {
  id: number;
  calls: TaskCall[];
}

export type BatchReply = { id: number; outcomes: TaskOutcome[] } | { id: number; error: string; code?: string };

const data = workerData as WriterThreadData;
const db = new Database(data.file);
applySqliteSettings(db);

const tasks = new Map<string, WriteTask<unknown, unknown>>();
function task(call: TaskCall): WriteTask<unknown, unknown> {
  const key = `${call.module}#${call.name}`;
  let found = tasks.get(key);
  if (!found) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    found = (require(call.module) as Record<string, WriteTask<unknown, unknown>>)[call.name];
    if (!found?.run) throw new Error(`No write task ${key}`);
    tasks.set(key, found);
  }
  return found;
}

parentPort!.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    reply = { id: request.id, outcomes: commitBatch(db, request.calls.map((call) => ({ run: task(call).run, args: call.args }))) };
  } catch (error) {
    reply = { id: request.id, ...describeError(error) };
  }
  // Task results are plain data (write-task.ts): copying them to the main thread cannot fail.
  parentPort!.postMessage(reply);
});
