import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { startWorker } from './worker-bootstrap';
import { ErrorDescription, errorFrom } from './thread-errors';

const STOPPED = 'stopped';

export interface BatchRequest<Call> {
  id: number;
  calls: Call[];
}

export type BatchReply<Outcome> = { id: number; outcomes: Outcome[] } | ({ id: number } & ErrorDescription);

/**
 * A worker thread that commits batches sent to it, answering each batch by its id. The threads of the
 * SQLite writer and of PostgreSQL's chat messages both speak this: `{ id, calls }` in, replies out.
 */
export class BatchThread<Call, Outcome> {
  private readonly logger = new Logger(BatchThread.name);
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (outcomes: Outcome[]) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private exited = false;
  private stopping = false;

  constructor(
    private readonly name: string,
    entry: string,
    data: object,
  ) {
    this.worker = startWorker(entry, data);
    this.worker.unref();
    this.worker.on('message', (replies: BatchReply<Outcome>[]) => replies.forEach((reply) => this.answer(reply)));
    this.worker.on('error', (error) => this.logger.error(`${name} failed: ${error.message}`));
    this.worker.on('exit', (code) => {
      this.exited = true;
      if (!this.stopping) this.logger.warn(`${name} stopped (exit code ${code}); its writes go on in the main thread`);
      this.failAll(new Error(`${name} ${STOPPED}`));
    });
  }

  get alive(): boolean {
    return !this.exited;
  }

  // Rejects if the thread stopped before answering: the batch may or may not have been committed.
  commit(calls: Call[]): Promise<Outcome[]> {
    if (this.exited) return Promise.reject(new Error(`${this.name} ${STOPPED}`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, calls } satisfies BatchRequest<Call>);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }

  private answer(reply: BatchReply<Outcome>): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if (!waiting) return;
    if ('outcomes' in reply) waiting.resolve(reply.outcomes);
    else waiting.reject(errorFrom(reply));
  }

  private failAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
