import { setImmediate } from 'node:timers/promises';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { sqliteConnection } from './prepared-statements';
import { BatchThread } from './batch-thread';
import { errorFrom } from './thread-errors';
import { commitBatch, TaskCall, TaskOutcome, WriteTask } from './writer-thread/write-task';
import type { WriterThreadData } from './writer-thread/writer-thread.worker';

type WriterThread = BatchThread<TaskCall, TaskOutcome>;

interface QueuedWork {
  work?: (manager: EntityManager) => Promise<unknown>;
  between?: () => Promise<unknown>;
  task?: { task: WriteTask<unknown, unknown>; args: unknown };
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const kind = (item: QueuedWork) => (item.between ? 'between' : item.task ? 'task' : 'work');

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function settle(group: QueuedWork[], outcomes: Outcome[]): void {
  group.forEach((item, index) => {
    const outcome = outcomes[index] ?? { ok: false, error: new Error('No outcome for this write') };
    if (outcome.ok) item.resolve(outcome.value);
    else item.reject(outcome.error);
  });
}

const settleTasks = (group: QueuedWork[], outcomes: TaskOutcome[]) =>
  settle(
    group,
    outcomes.map((outcome) => (outcome.ok ? outcome : { ok: false, error: errorFrom(outcome) })),
  );

const MAX_GROUP = 256;
// Ten messages in one SQLite commit cost far less than ten commits.
const GATHER_MS = 2;
const BUSY_WITHIN_MS = 10;

// Modes, group commit and the writer thread: docs/design/transactions.md.
@Injectable()
export class Transactions implements OnModuleDestroy {
  private readonly serialize: boolean;
  private readonly queue: QueuedWork[] = [];
  private draining = false;
  private drained: Promise<void> = Promise.resolve();
  private lastCommitEnded = 0;
  private writer: WriterThread | null = null;
  // Nothing else is written until the writer thread has answered.
  private readonly sent = new Set<Promise<void>>();
  // Writes from modules shutting down later stay on the main connection.
  private closing = false;

  constructor(private readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  get tasksSupported(): boolean {
    return this.serialize;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialize) return this.dataSource.transaction(work);
    return new Promise<T>((resolve, reject) => {
      this.enqueue({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  betweenCommits<T>(task: () => Promise<T>): Promise<T> {
    if (!this.serialize) return task();
    return new Promise<T>((resolve, reject) => {
      this.enqueue({ between: task, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  runTask<A, R>(task: WriteTask<A, R>, args: A): Promise<R> {
    if (!this.serialize) return Promise.reject(new Error('Write tasks need SQLite'));
    return new Promise<R>((resolve, reject) => {
      this.enqueue({ task: { task: task as WriteTask<unknown, unknown>, args }, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    while (this.draining) await this.drained;
    await this.sentCommitted();
    const writer = this.writer;
    this.writer = null;
    await writer?.stop();
  }

  private enqueue(item: QueuedWork): void {
    this.queue.push(item);
    if (this.draining) return;
    this.draining = true;
    this.drained = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const head = this.queue[0];
        const writer = head.task ? this.writerThread() : null;
        if (writer) {
          await setImmediate();
          this.send(writer, this.takeGroup());
          continue;
        }
        await this.sentCommitted();
        if (head.between) {
          this.queue.shift();
          await head.between().then(head.resolve, head.reject);
          continue;
        }
        if (this.queue.length < MAX_GROUP && Date.now() - this.lastCommitEnded < BUSY_WITHIN_MS) {
          await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
        } else if (this.lastCommitEnded > 0) {
          // better-sqlite3 is synchronous: a backlog drained without a break would hold off sockets.
          await setImmediate();
        }
        const group = this.takeGroup();
        await (head.task ? this.commitTasksHere(group) : this.commitGroup(group));
        this.lastCommitEnded = Date.now();
      }
    } finally {
      this.draining = false;
    }
  }

  private takeGroup(): QueuedWork[] {
    const head = this.queue[0];
    let size = Math.min(MAX_GROUP, this.queue.length);
    for (let i = 1; i < size; i += 1) if (kind(this.queue[i]) !== kind(head)) size = i;
    return this.queue.splice(0, size);
  }

  private send(writer: WriterThread, group: QueuedWork[]): void {
    const sent: Promise<void> = writer
      .commit(group.map(({ task }) => ({ module: task!.task.module, name: task!.task.name, args: task!.args })))
      .then(
        (outcomes) => settleTasks(group, outcomes),
        (error: unknown) => group.forEach((item) => item.reject(error)),
      )
      .finally(() => this.sent.delete(sent));
    this.sent.add(sent);
  }

  private async sentCommitted(): Promise<void> {
    while (this.sent.size > 0) await Promise.all(this.sent);
  }

  private async commitTasksHere(group: QueuedWork[]): Promise<void> {
    let outcomes: TaskOutcome[];
    try {
      outcomes = commitBatch(sqliteConnection(this.dataSource), group.map(({ task }) => ({ task: task!.task, args: task!.args })));
    } catch (error) {
      group.forEach((item) => item.reject(error));
      return;
    }
    settleTasks(group, outcomes);
  }

  private writerThread(): WriterThread | null {
    const file = this.dataSource.options.database;
    if (typeof file !== 'string' || file === ':memory:' || file === '') return null;
    if (this.closing || (this.writer && !this.writer.alive)) return null;
    this.writer ??= new BatchThread('The writer thread', require.resolve('./writer-thread/writer-thread.worker'), { file } satisfies WriterThreadData);
    return this.writer;
  }

  private async commitGroup(group: QueuedWork[]): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    const outcomes: Outcome[] = [];
    try {
      await runner.connect();
      await runner.startTransaction();
      for (const item of group) outcomes.push(await this.inSavepoint(runner, item));
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      group.forEach((item) => item.reject(error));
      return;
    } finally {
      await runner.release();
    }
    settle(group, outcomes);
  }

  private async inSavepoint(runner: QueryRunner, item: QueuedWork): Promise<Outcome> {
    await runner.startTransaction();
    try {
      const value = await item.work!(runner.manager);
      await runner.commitTransaction();
      return { ok: true, value };
    } catch (error) {
      await runner.rollbackTransaction();
      return { ok: false, error };
    }
  }
}
