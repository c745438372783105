import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { sqliteConnection } from './prepared-statements';
import { commitBatch, errorFrom, TaskOutcome, WriteTask } from './writer-thread/write-task';
import { WriterThread } from './writer-thread/writer-thread';

/** One of: TypeORM work in a transaction (run), a task between commits, or a write task (runTask). */
interface QueuedWork {
  work?: (manager: EntityManager) => Promise<unknown>;
  between?: () => Promise<unknown>;
  task?: { task: WriteTask<unknown, unknown>; args: unknown };
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const kind = (item: QueuedWork) => (item.between ? 'between' : item.task ? 'task' : 'work');

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Answers every caller of a group with its own outcome. */
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

/** Most units of work one SQLite commit on the main connection carries. */
const MAX_GROUP = 256;
/**
 * Under load (the last commit ended moments ago), a group waits this long for more work before it
 * starts: every SQLite commit writes its pages and the full-text index's new segment to the WAL,
 * so ten messages in one commit cost far less than ten commits. Idle, work starts on the next turn
 * of the event loop.
 */
const GATHER_MS = 2;
const BUSY_WITHIN_MS = 10;

/**
 * The one way to write; its modes (run, runTask, betweenCommits), group commit and the writer
 * thread are explained in docs/design/transactions.md. PostgreSQL gets ordinary transactions; on
 * SQLite, whose TypeORM driver shares one connection, writes queue here and commit in groups.
 */
@Injectable()
export class Transactions implements OnModuleDestroy {
  private readonly serialize: boolean;
  private readonly queue: QueuedWork[] = [];
  private draining = false;
  private drained: Promise<void> = Promise.resolve();
  private lastCommitEnded = 0;
  private writer: WriterThread | null = null;
  /** Groups of tasks the writer thread has not answered yet: nothing else is written until it has. */
  private readonly sent = new Set<Promise<void>>();
  /** Set on shutdown: writes that come later (other modules shutting down) stay on the main connection. */
  private closing = false;

  constructor(private readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  /** Whether runTask may be used: SQLite only. */
  get tasksSupported(): boolean {
    return this.serialize;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialize) return this.dataSource.transaction(work);
    return new Promise<T>((resolve, reject) => {
      this.enqueue({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /**
   * Runs `task` when no commit is under way, and holds back the commits queued after it until it
   * has ended (the sockets are served meanwhile). On PostgreSQL it simply runs.
   */
  betweenCommits<T>(task: () => Promise<T>): Promise<T> {
    if (!this.serialize) return task();
    return new Promise<T>((resolve, reject) => {
      this.enqueue({ between: task, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /**
   * Runs a plain-SQL write task (SQLite only) in the same order and group commits as `run`. On a
   * database file it runs in the writer thread, off the thread that serves the sockets.
   */
  runTask<A, R>(task: WriteTask<A, R>, args: A): Promise<R> {
    if (!this.serialize) return Promise.reject(new Error('Write tasks need SQLite'));
    return new Promise<R>((resolve, reject) => {
      this.enqueue({ task: { task: task as WriteTask<unknown, unknown>, args }, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Lets queued writes finish, then stops the writer thread. */
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
          // Every task queued in this turn of the event loop goes in one batch.
          await new Promise((resolve) => setImmediate(resolve));
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
          await new Promise((resolve) => setImmediate(resolve));
        }
        const group = this.takeGroup();
        await (head.task ? this.commitTasksHere(group) : this.commitGroup(group));
        this.lastCommitEnded = Date.now();
      }
    } finally {
      this.draining = false;
    }
  }

  /** The head of the queue and the work of the same kind right behind it. */
  private takeGroup(): QueuedWork[] {
    const head = this.queue[0];
    let size = Math.min(MAX_GROUP, this.queue.length);
    for (let i = 1; i < size; i += 1) if (kind(this.queue[i]) !== kind(head)) size = i;
    return this.queue.splice(0, size);
  }

  /**
   * Hands a group of tasks to the writer thread without waiting for the groups sent before it (the
   * thread commits them in order, and those that wait meanwhile together).
   */
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

  /** Resolves once the writer thread has answered every group sent to it. */
  private async sentCommitted(): Promise<void> {
    while (this.sent.size > 0) await Promise.all(this.sent);
  }

  /** Tasks on the main connection: an in-memory database, or the writer thread has stopped. */
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

  /** The writer thread, started on first use; none for an in-memory database or once it has stopped. */
  private writerThread(): WriterThread | null {
    const file = this.dataSource.options.database;
    if (typeof file !== 'string' || file === ':memory:' || file === '') return null;
    if (this.closing || (this.writer && !this.writer.alive)) return null;
    this.writer ??= new WriterThread(file);
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
      // The group could not be committed: none of its work happened.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      group.forEach((item) => item.reject(error));
      return;
    } finally {
      await runner.release();
    }
    settle(group, outcomes);
  }

  /** TypeORM turns a nested start/commit/rollback into SAVEPOINT / RELEASE / ROLLBACK TO. */
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
