import { setImmediate } from 'node:timers/promises';
import type { QueuePosition } from './chat-queue.service';

export type Place = Pick<QueuePosition, 'position' | 'estimatedWaitSeconds'>;

export interface QueuePushTarget {
  /** Whether this instance holds the chat's citizen socket (others push to their own). */
  isHere(chatId: string): boolean;
  tell(chatId: string, place: Place): void;
  /** True once a newer queue change has made the positions being pushed stale. */
  superseded(): boolean;
}

export type PushOutcome = 'complete' | 'superseded';

// A slice of about this long, then the event loop serves other sockets: 10,000 emits in one go held it ~375 ms.
export const QUEUE_PUSH_SLICE_MS = 8;
const CLOCK_READ_EVERY = 256;

export interface QueuePushOptions {
  sliceMs: number;
  now: () => number;
  /** Resolves once the slice's writes have gone out, so that a slice's cost includes them. */
  afterWrites: () => Promise<void>;
}

// The socket adapter uncorks each socket written to in a process.nextTick queued before this one.
const afterCorkedWrites = () => new Promise<void>((resolve) => process.nextTick(resolve));
const DEFAULT_OPTIONS: QueuePushOptions = { sliceMs: QUEUE_PUSH_SLICE_MS, now: () => performance.now(), afterWrites: afterCorkedWrites };

/**
 * How long the next slice may spend on emits so that emits and their writes together take about
 * `sliceMs`, from what the last slice cost: the writes (a writev per socket) cost as much as the emits.
 */
export function nextEmitBudget(budgetMs: number, spentMs: number, sliceMs: number): number {
  if (spentMs <= 0) return budgetMs;
  return Math.min(sliceMs, Math.max(sliceMs / 8, (budgetMs * sliceMs) / spentMs));
}

/**
 * What each citizen on this instance was last told, and the push of a new queue in slices. A push
 * that a newer change supersedes stops at the next slice (so no stale place follows a fresher one),
 * and the next push starts where it stopped, so a queue that keeps changing still reaches everyone.
 */
export class QueuePositionsPush {
  private told = new Map<string, string>();
  private resumeAt = 0;
  private emitBudgetMs: number;

  constructor(private readonly options: QueuePushOptions = DEFAULT_OPTIONS) {
    this.emitBudgetMs = options.sliceMs;
  }

  /** Told outside a push (a re-queued chat): the push need not repeat it. */
  remember(chatId: string, place: Place): void {
    this.told.set(chatId, key(place));
  }

  /** A citizen (re)connected: tell it its place whatever it was told before. */
  forget(chatId: string): void {
    this.told.delete(chatId);
  }

  async push(positions: readonly QueuePosition[], target: QueuePushTarget): Promise<PushOutcome> {
    const count = positions.length;
    const start = this.resumeAt < count ? this.resumeAt : 0;
    // Checked before the first slice too: the positions may have been read before a change that came meanwhile.
    if (target.superseded()) return this.stopAt(start);
    const seen = new Set<string>();
    let sliceStarted = this.options.now();
    let sinceClockRead = 0;
    for (let step = 0; step < count; step += 1) {
      if (sinceClockRead >= CLOCK_READ_EVERY) {
        sinceClockRead = 0;
        if (this.options.now() - sliceStarted >= this.emitBudgetMs) {
          await this.options.afterWrites();
          this.emitBudgetMs = nextEmitBudget(this.emitBudgetMs, this.options.now() - sliceStarted, this.options.sliceMs);
          await setImmediate();
          if (target.superseded()) return this.stopAt((start + step) % count);
          sliceStarted = this.options.now();
        }
      }
      const { chatId, position, estimatedWaitSeconds } = positions[(start + step) % count];
      sinceClockRead += 1;
      if (!target.isHere(chatId)) continue;
      seen.add(chatId);
      const news = key({ position, estimatedWaitSeconds });
      if (this.told.get(chatId) === news) continue;
      this.told.set(chatId, news);
      target.tell(chatId, { position, estimatedWaitSeconds });
      sinceClockRead = CLOCK_READ_EVERY; // an emit costs tens of µs, a skipped place a fraction of one
    }
    for (const chatId of this.told.keys()) if (!seen.has(chatId)) this.told.delete(chatId);
    this.resumeAt = 0;
    return 'complete';
  }

  private stopAt(index: number): PushOutcome {
    this.resumeAt = index;
    return 'superseded';
  }
}

function key({ position, estimatedWaitSeconds }: Place): string {
  return `${position}/${estimatedWaitSeconds}`;
}
