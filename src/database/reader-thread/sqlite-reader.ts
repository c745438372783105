import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { FirstPerKey, READER_SOURCE, ReaderReply, ReaderRequest } from './sqlite-reader.worker-source';

export type { FirstPerKey } from './sqlite-reader.worker-source';

export class ReadDeadlineExceeded extends Error {
  constructor() {
    super('The read did not finish before its deadline');
  }
}

// SQLite can work long before its first row, and a thread inside SQLite can only be replaced.
const GRACE_MS = 50;

interface Pending {
  request: ReaderRequest;
  resolve: (rows: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

// better-sqlite3 is synchronous: long reads on the main connection would stop every request of the desk.
@Injectable()
export class SqliteReader implements OnModuleDestroy {
  private readonly logger = new Logger(SqliteReader.name);
  private readonly file: string | null;
  private worker: Worker | null = null;
  // In the order sent: the first is running.
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped = false;

  constructor(
    config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    const database = config.database;
    this.file = database.type === 'sqlite' && database.path !== ':memory:' ? database.path : null;
  }

  async query<T>(sql: string, params: unknown[], deadline: number, firstPerKey?: FirstPerKey): Promise<T> {
    if (Date.now() >= deadline) throw new ReadDeadlineExceeded();
    if (!this.file || this.stopped) return firstOfEach((await this.dataSource.query(sql, params)) as Record<string, unknown>[], firstPerKey) as T;
    const request: ReaderRequest = { id: this.nextId++, sql, params, deadline, ...(firstPerKey ? { firstPerKey } : {}) };
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => this.overdue(request.id), Math.max(0, deadline - Date.now()) + GRACE_MS);
      this.pending.set(request.id, { request, resolve: resolve as (rows: unknown) => void, reject, timer });
      this.send(request);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('The desk is stopping'));
    if (worker) await worker.terminate();
  }

  private send(request: ReaderRequest): void {
    if (!this.worker) this.worker = this.start();
    this.worker.ref();
    this.worker.postMessage(request);
  }

  private start(): Worker {
    const worker = new Worker(READER_SOURCE, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file: this.file } });
    worker.unref();
    worker.on('message', (reply: ReaderReply) => this.answer(reply));
    worker.on('error', (error) => this.logger.warn(`History reader thread failed: ${error.message}`));
    worker.on('exit', () => {
      if (this.worker !== worker) return; // replaced on purpose
      this.worker = null;
      this.failAll(new Error('The history reader thread stopped'));
    });
    return worker;
  }

  private answer(reply: ReaderReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.settle(reply.id);
    if ('rows' in reply) waiting.resolve(reply.rows);
    else if ('timedOut' in reply) waiting.reject(new ReadDeadlineExceeded());
    else waiting.reject(Object.assign(new Error(reply.error), { code: reply.code }));
  }

  private overdue(id: number): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    const running = this.pending.keys().next().value === id;
    this.settle(id);
    waiting.reject(new ReadDeadlineExceeded());
    if (!running || !this.worker) return; // still queued: the thread skips it, as its deadline has passed
    const stuck = this.worker;
    this.worker = null;
    // It stops when SQLite hands control back; meanwhile it must not keep the process alive.
    stuck.unref();
    void stuck.terminate();
    for (const other of this.pending.values()) this.send(other.request);
  }

  private settle(id: number): void {
    clearTimeout(this.pending.get(id)?.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
    this.pending.clear();
  }
}

function firstOfEach(rows: Record<string, unknown>[], firstPerKey?: FirstPerKey): Record<string, unknown>[] {
  if (!firstPerKey) return rows;
  const seen = new Map<unknown, number>();
  return rows.filter((row) => {
    const count = seen.get(row[firstPerKey.key]) ?? 0;
    seen.set(row[firstPerKey.key], count + 1);
    return count < firstPerKey.count;
  });
}
