import type { Database } from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';

export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** Salt-1 of the WAL header of database `file`: it changes at every restart, whichever connection does it. */
export function walSalt(file: string): number {
  const header = Buffer.alloc(4);
  const fd = openSync(`${file}-wal`, 'r');
  try {
    readSync(fd, header, 0, 4, 16);
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(0);
}

/**
 * Checkpoints of the WAL, done beside the writers. A commit that finds the WAL fully copied into the
 * database restarts it and syncs the WAL header inside that commit: 10–100 ms on a shared disk,
 * paid by every message waiting behind it (bench/README.md). So a second connection holds a read
 * snapshot from one checkpoint to the next; each checkpoint copies up to that snapshot, never
 * everything, and no commit restarts the WAL while writes go on. The restart is done here instead,
 * between commits, when the WAL has grown large.
 */
export class WalCheckpointLoop {
  private readonly readSnapshot;

  constructor(
    private readonly db: Database,
    private readonly holder: Database,
  ) {
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 100');
    this.readSnapshot = holder.prepare('SELECT 1 FROM sqlite_schema LIMIT 1');
  }

  /**
   * One round while writes go on. After a round with no commit at all the snapshot is of a fully
   * copied WAL, and the next commit restarts it: a sync at a quiet moment.
   */
  tick(): CheckpointResult {
    this.hold();
    return this.checkpoint();
  }

  /**
   * Only while nothing else writes: copies everything and starts the WAL over. Refused (`restarted`
   * false) while another reader is still in the old WAL.
   */
  restart(): CheckpointResult & { restarted: boolean } {
    this.release();
    const result = this.checkpoint();
    if (result.log === 0 || result.checkpointed < result.log) {
      this.hold();
      return { ...result, restarted: false };
    }
    const before = walSalt(this.db.name);
    try {
      this.writeFirstFrame();
    } finally {
      // Held before that frame is copied, or the next commit would find the WAL fully copied again.
      this.hold();
    }
    return { ...result, restarted: walSalt(this.db.name) !== before };
  }

  close(): void {
    this.release();
    this.holder.close();
    this.db.close();
  }

  private checkpoint(): CheckpointResult {
    return (this.db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[])[0];
  }

  private hold(): void {
    this.release();
    this.holder.exec('BEGIN');
    this.readSnapshot.get();
  }

  private release(): void {
    if (this.holder.inTransaction) this.holder.exec('COMMIT');
  }

  // The header's user_version, rewritten as it is: the first frame after a full checkpoint restarts the WAL.
  private writeFirstFrame(): void {
    const version = Number(this.db.pragma('user_version', { simple: true }));
    this.db.transaction(() => this.db.pragma(`user_version = ${version}`)).immediate();
  }
}
