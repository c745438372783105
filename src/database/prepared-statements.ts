import type { Database, Statement } from 'better-sqlite3';
import type { DataSource } from 'typeorm';

const statements = new WeakMap<Database, Map<string, Statement>>();

// Parsing costs more than a small insert.
export function prepared(db: Database, sql: string): Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = db.prepare(sql)));
  return statement;
}

export const sqliteConnection = (dataSource: DataSource): Database => (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
