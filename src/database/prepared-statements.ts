import type { Database, Statement } from 'better-sqlite3';
import type { PoolClient, QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

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

export interface NamedStatement {
  name: string;
  text: string;
}

export type PreparedQuery = <R>(statement: NamedStatement, values: unknown[]) => Promise<R[]>;

// TypeORM's query() sends unnamed statements; the query runner's own pg client (same transaction) takes a name,
// and pg then parses and plans the text once per connection.
export function postgresPrepared(db: EntityManager): PreparedQuery {
  const runner = db.queryRunner;
  if (!runner) throw new Error('Prepared statements need a transaction');
  return async <R>(statement: NamedStatement, values: unknown[]) => {
    const client = (await runner.connect()) as PoolClient;
    const result = await client.query<R & QueryResultRow>({ name: statement.name, text: statement.text, values });
    return result.rows;
  };
}
