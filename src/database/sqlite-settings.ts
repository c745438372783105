// Backstop: a checkpoint here stops the thread 60–100 ms; WalCheckpointer's worker does it long before.
const WAL_CHECKPOINT_PAGES = 50_000;

// WAL + NORMAL: a committed transaction survives a crash of the process; readers never block the writer.
export function applySqliteSettings(db: { pragma(sql: string): unknown }): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}
