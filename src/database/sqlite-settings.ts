/**
 * The committing connection copies the WAL back into the database file (a checkpoint, with an
 * fsync, stopping its thread for 60–100 ms under load) once it holds this many pages. It is a
 * backstop: WalCheckpointer does this in a worker thread and restarts the WAL long before.
 */
const WAL_CHECKPOINT_PAGES = 50_000;

/**
 * Every connection to the database file, in any thread. WAL + NORMAL: a committed transaction
 * survives a crash of the process; readers never block the writer.
 */
export function applySqliteSettings(db: { pragma(sql: string): unknown }): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}
