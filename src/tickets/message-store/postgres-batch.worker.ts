import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import type { BatchReply, BatchRequest } from '../../database/batch-thread';
import type { PreparedQuery } from '../../database/prepared-statements';
import { describeError, ThreadOutcome } from '../../database/thread-errors';
import type { StoredRow } from './message-sql';
import { ChatSend, SendOutcome, storeChatBatch, storeEachAnswered } from './postgres-chat-batch';

// Chat messages stored on a connection of this thread's own, so that no step of a batch waits for a turn of
// the main thread's event loop. Runs only small modules: no Nest, no TypeORM.

export interface PostgresBatchThreadData {
  url: string;
  applicationName: string;
}

export type StoreOutcome = ThreadOutcome<StoredRow>;

const MAX_SENDS = 256;

const data = workerData as PostgresBatchThreadData;
const queue: BatchRequest<ChatSend>[] = [];
let draining = false;
let client: Client | null = null;

parentPort!.on('message', (request: BatchRequest<ChatSend>) => {
  queue.push(request);
  void drain();
});

// Requests that arrive while a transaction commits go together into the next one, in the order sent.
async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    while (queue.length > 0) {
      const taken = [queue.shift()!];
      let sends = taken[0].calls.length;
      while (queue.length > 0 && sends + queue[0].calls.length <= MAX_SENDS) {
        sends += queue[0].calls.length;
        taken.push(queue.shift()!);
      }
      parentPort!.postMessage(await answer(taken));
    }
  } finally {
    draining = false;
  }
}

async function answer(requests: BatchRequest<ChatSend>[]): Promise<BatchReply<StoreOutcome>[]> {
  try {
    const outcomes = await storeInOrder(requests.flatMap((request) => request.calls));
    let start = 0;
    return requests.map((request) => ({ id: request.id, outcomes: outcomes.slice(start, (start += request.calls.length)) }));
  } catch (error) {
    return requests.map((request) => ({ id: request.id, ...describeError(error) }));
  }
}

async function storeInOrder(sends: ChatSend[]): Promise<StoreOutcome[]> {
  const outcomes = await storeEachAnswered(storeInOneTransaction, sends);
  return outcomes.map((outcome) => (outcome.ok ? { ok: true, value: withTimeAsText(outcome.value) } : failed(outcome.error)));
}

// A connection lost before COMMIT was sent has written nothing: the batch goes again on a new one. Lost
// during COMMIT, it may have been written: then the sends are answered with the error (a resend of the same
// clientId is found, not stored twice).
async function storeInOneTransaction(sends: ChatSend[]): Promise<SendOutcome[]> {
  for (let attempt = 1; ; attempt++) {
    const db = await connected();
    let committing = false;
    try {
      await db.query('BEGIN');
      const outcomes = await storeChatBatch(preparedOn(db), sends);
      committing = true;
      await db.query('COMMIT');
      return outcomes;
    } catch (error) {
      const lost = await db.query('ROLLBACK').then(
        () => false,
        () => true,
      );
      if (lost) forget(db);
      if (!lost || committing || attempt > 1) throw error;
    }
  }
}

const failed = (error: unknown): StoreOutcome => ({ ok: false, ...describeError(error) });

// A Date cloned into another realm (jest's sandbox, say) is no `instanceof Date` there; the text is read as a time anywhere.
const withTimeAsText = ({ row, isNew }: StoredRow): StoredRow => ({ row: { ...row, createdAt: new Date(row.createdAt).toISOString() }, isNew });

const preparedOn =
  (db: Client): PreparedQuery =>
  async (statement, values) =>
    (await db.query({ name: statement.name, text: statement.text, values })).rows;

// A broken connection is dropped; the next transaction opens a new one.
function forget(db: Client): void {
  if (client === db) client = null;
  db.end().catch(() => undefined);
}

async function connected(): Promise<Client> {
  if (client) return client;
  const fresh = new Client({ connectionString: data.url, application_name: data.applicationName });
  fresh.on('error', () => forget(fresh));
  fresh.on('end', () => {
    if (client === fresh) client = null;
  });
  await fresh.connect();
  client = fresh;
  return fresh;
}
