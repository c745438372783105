import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import type { Worker } from 'node:worker_threads';
import { AppConfig } from '../config/app-config';
import { Transactions } from './transactions';
import type { CheckpointResult } from './wal-checkpoint-loop';
import type { CheckpointerData, CheckpointerMessage } from './wal-checkpointer.worker';
import { startWorker } from './worker-bootstrap';

export interface WalCheckpointerOptions {
  intervalMs: number;
  restartAtPages: number;
}

const WAL_CHECKPOINTER_OPTIONS = Symbol('WAL_CHECKPOINTER_OPTIONS');

// 25,000 pages (about 100 MB): a pause every 10–15 s at 2,000 messages a second.
const DEFAULT_OPTIONS: WalCheckpointerOptions = { intervalMs: 200, restartAtPages: 25_000 };

// Checkpoints on the committing connection stopped the event loop 60–100 ms under load (bench/README.md).
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
    const worker = startWorker(require.resolve('./wal-checkpointer.worker'), { file: database.path, ...this.options } satisfies CheckpointerData);
    worker.unref();
    worker.on('message', (message: CheckpointerMessage) => this.onMessage(message));
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

  restartWal(): Promise<CheckpointResult | null> {
    return this.transactions.betweenCommits(() => this.restartNow());
  }

  private restartNow(): Promise<CheckpointResult | null> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ id });
    });
  }

  private onMessage(message: CheckpointerMessage): void {
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
