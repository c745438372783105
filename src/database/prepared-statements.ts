import type { Database, Statement } from 'better-sqlite3';
import type { DataSource } from 'typeorm';

const statements = new WeakMap<Database, Map<string, Statement>>();

/** The connection's prepared statement for `sql`, prepared once: parsing costs more than a small insert. */
export function prepared(db: Database, sql: string): Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** The better-sqlite3 connection under TypeORM's driver (SQLite only). */
export const sqliteConnection = (dataSource: DataSource): Database => (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
