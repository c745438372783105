import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { SqliteReader } from '../../src/database/reader-thread/sqlite-reader';

/** For specs: a SQLite file in WAL mode with one table, and a reader thread on it. */
export interface ReaderFixture {
  dataSource: DataSource;
  reader: SqliteReader;
  close(): Promise<void>;
}

export async function openReaderFixture(name: string, createTable: string): Promise<ReaderFixture> {
  const dir = mkdtempSync(join(tmpdir(), `desk-${name}-`));
  const file = join(dir, `${name}.sqlite`);
  const dataSource = await new DataSource({
    type: 'better-sqlite3',
    database: file,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
    },
  }).initialize();
  await dataSource.query(createTable);
  const reader = new SqliteReader({ database: { type: 'sqlite', path: file } } as AppConfig, dataSource);
  return {
    dataSource,
    reader,
    async close() {
      await reader.onModuleDestroy();
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
