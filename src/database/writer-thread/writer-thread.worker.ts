import Database from 'better-sqlite3';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { applySqliteSettings } from '../sqlite-settings';
import type { BatchReply, BatchRequest } from '../batch-thread';
import { describeError } from '../thread-errors';
import { commitBatch, TaskCall, TaskOutcome, WriteTask } from './write-task';

export interface WriterThreadData {
  file: string;
}

const MAX_CALLS = 1024;

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

parentPort!.on('message', (first: BatchRequest<TaskCall>) => {
  const batches = [first];
  let calls = first.calls.length;
  while (calls < MAX_CALLS) {
    const next = receiveMessageOnPort(parentPort!)?.message as BatchRequest<TaskCall> | undefined;
    if (!next) break;
    batches.push(next);
    calls += next.calls.length;
  }
  parentPort!.postMessage(commitBatches(batches));
});

function commitBatches(batches: BatchRequest<TaskCall>[]): BatchReply<TaskOutcome>[] {
  try {
    const outcomes = commitBatch(db, batches.flatMap((batch) => batch.calls.map((call) => ({ task: task(call), args: call.args }))));
    let start = 0;
    return batches.map((batch) => ({ id: batch.id, outcomes: outcomes.slice(start, (start += batch.calls.length)) }));
  } catch (error) {
    return batches.map((batch) => ({ id: batch.id, ...describeError(error) }));
  }
}
