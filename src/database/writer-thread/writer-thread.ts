import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-bootstrap';
import type { BatchReply, BatchRequest, WriterThreadData } from './writer-thread.worker';
import { errorFrom, TaskCall, TaskOutcome } from './write-task';

const STOPPED = 'The writer thread stopped';

// Transactions never writes on the main connection while a batch is under way: no wait for each other's lock.
export class WriterThread {
  private readonly logger = new Logger(WriterThread.name);
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (outcomes: TaskOutcome[]) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private exited = false;
  private stopping = false;

  constructor(file: string) {
    this.worker = startWorker(require.resolve('./writer-thread.worker'), { file } satisfies WriterThreadData);
    this.worker.unref();
    this.worker.on('message', (replies: BatchReply[]) => replies.forEach((reply) => this.answer(reply)));
    this.worker.on('error', (error) => this.logger.error(`Writer thread failed: ${error.message}`));
    this.worker.on('exit', (code) => {
      this.exited = true;
      if (!this.stopping) this.logger.warn(`Writer thread stopped (exit code ${code}); writes go on in the main thread`);
      this.failAll(new Error(STOPPED));
    });
  }

  get alive(): boolean {
    return !this.exited;
  }

  // Rejects if the thread stopped before answering: the batch may or may not have been committed.
  commit(calls: TaskCall[]): Promise<TaskOutcome[]> {
    if (this.exited) return Promise.reject(new Error(STOPPED));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, calls } satisfies BatchRequest);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }

  private answer(reply: BatchReply): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if (!waiting) return;
    if ('error' in reply) waiting.reject(errorFrom(reply));
    else waiting.resolve(reply.outcomes);
  }

  private failAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
