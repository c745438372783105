import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { AppConfig } from '../config/app-config';
import { Transactions } from './transactions';

export interface WalCheckpointerOptions {
  /** How often the worker copies what the WAL holds into the database file. */
  intervalMs: number;
  /** WAL size (pages) at which writes pause for a moment so that the WAL can start over. */
  restartAtPages: number;
}

const WAL_CHECKPOINTER_OPTIONS = Symbol('WAL_CHECKPOINTER_OPTIONS');

/**
 * The final checkpoint holds commits back for about as long as one fsync, whatever the WAL size
 * (the worker has copied the rest already): a larger WAL makes these pauses rarer. 25,000 pages
 * is about 100 MB; a pause every 20–30 s at 2,000 messages a second.
 */
const DEFAULT_OPTIONS: WalCheckpointerOptions = { intervalMs: 200, restartAtPages: 25_000 };

/** Runs in the worker thread: its own connection to the same database file. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('synchronous = NORMAL');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
setInterval(() => {
  try {
    const result = checkpoint();
    // Caught up already: the next commit restarts the WAL by itself.
    if (result.log >= workerData.restartAtPages && result.checkpointed < result.log) parentPort.postMessage({ type: 'large', log: result.log });
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: String(error && error.message) });
  }
}, workerData.intervalMs);
parentPort.on('message', (request) => {
  try {
    parentPort.postMessage({ type: 'done', id: request.id, result: checkpoint() });
  } catch (error) {
    parentPort.postMessage({ type: 'done', id: request.id, error: String(error && error.message) });
  }
});
`;

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * SQLite checkpoints (copying the WAL into the database file and syncing it to disk) in a worker
 * thread. Run by the connection that commits, as SQLite does by default, every checkpoint stopped
 * the event loop for 60–100 ms under load, mostly waiting for fsync (bench/README.md).
 *
 * The worker checkpoints continuously without blocking anyone. The WAL can only start over from
 * its beginning when a checkpoint has caught up with every commit, which never happens while
 * messages keep arriving: so when it has grown to `restartAtPages`, the desk holds its commits
 * for the short final checkpoint (the sockets are served meanwhile). The main connection's own
 * automatic checkpoint (data-source-options.ts) stays as the backstop.
 */
@Injectable()
export class WalCheckpointer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WalCheckpointer.name);
  private readonly options: WalCheckpointerOptions;
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, (result: CheckpointResult | null) => void>();
  private nextId = 1;
  private restarting = false;

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
    @Optional() @Inject(WAL_CHECKPOINTER_OPTIONS) options: Partial<WalCheckpointerOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  onApplicationBootstrap(): void {
    const database = this.config.database;
    if (database.type !== 'sqlite' || database.path === ':memory:') return;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file: database.path, ...this.options },
    });
    worker.unref();
    worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    worker.on('error', (error) => this.logger.warn(`WAL checkpoint worker failed: ${error.message}`));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.answerAll();
    });
    this.worker = worker;
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.answerAll();
  }

  /** A checkpoint with no commit running, so that it catches up and the next commit restarts the WAL. */
  restartWal(): Promise<CheckpointResult | null> {
    return this.transactions.betweenCommits(() => this.checkpointNow());
  }

  private checkpointNow(): Promise<CheckpointResult | null> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ id });
    });
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type === 'failed') this.logger.warn(`WAL checkpoint failed: ${message.message}`);
    if (message.type === 'done') {
      if (message.error) this.logger.warn(`WAL checkpoint failed: ${message.error}`);
      this.waiting.get(message.id)?.(message.result ?? null);
      this.waiting.delete(message.id);
    }
    if (message.type === 'large' && !this.restarting) {
      this.restarting = true;
      void this.restartWal().finally(() => (this.restarting = false));
    }
  }

  private answerAll(): void {
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }
}

type WorkerMessage =
  | { type: 'large'; log: number }
  | { type: 'failed'; message: string }
  | { type: 'done'; id: number; result?: CheckpointResult; error?: string };
