import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import type { BatchReply, BatchRequest, WriterThreadData } from './writer-thread.worker';
import type { TaskCall, TaskOutcome } from './write-task';

/**
 * Starts the worker from the built `.js`; run from the TypeScript sources (the test suites) it
 * compiles the `.ts` files the thread loads with the TypeScript compiler, as jest does not reach
 * into worker threads.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts')) {
  const { readFileSync } = require('node:fs');
  const ts = require(workerData.typescript);
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  require.extensions['.ts'] = (module, fileName) =>
    module._compile(ts.transpileModule(readFileSync(fileName, 'utf8'), { compilerOptions, fileName }).outputText, fileName);
}
require(workerData.entry);
`;

/**
 * A worker thread with its own connection to the SQLite file that commits batches of write tasks
 * (write-task.ts), so that SQLite's work — statements, index updates, the commit — leaves the
 * thread that serves the sockets. One batch at a time: Transactions keeps writes in order.
 */
export class WriterThread {
  private readonly logger = new Logger(WriterThread.name);
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (outcomes: TaskOutcome[]) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private exited = false;

  constructor(file: string, walAutocheckpointPages: number) {
    const entry = require.resolve('./writer-thread.worker');
    const data: WriterThreadData & { entry: string; typescript?: string } = { file, walAutocheckpointPages, entry };
    if (entry.endsWith('.ts')) data.typescript = require.resolve('typescript');
    this.worker = new Worker(BOOTSTRAP, { eval: true, workerData: data });
    this.worker.unref();
    this.worker.on('message', (reply: BatchReply) => this.answer(reply));
    this.worker.on('error', (error) => this.logger.error(`Writer thread failed: ${error.message}`));
    this.worker.on('exit', () => {
      this.exited = true;
      this.failAll(new Error('The writer thread stopped'));
    });
  }

  /** False once the thread has stopped: writes then go back to the main connection. */
  get alive(): boolean {
    return !this.exited;
  }

  /** Commits the calls as one transaction; rejects if nothing was committed. */
  commit(calls: TaskCall[]): Promise<TaskOutcome[]> {
    if (this.exited) return Promise.reject(new Error('The writer thread stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, calls } satisfies BatchRequest);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private answer(reply: BatchReply): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (!waiting) return;
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.outcomes);
  }

  private failAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
