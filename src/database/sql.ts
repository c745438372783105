import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type Dialect = 'sqlite' | 'postgres';

/** SQLite stores UTC text 'YYYY-MM-DD HH:MM:SS.SSS' (TypeORM's own format); text order is time order. */
export const toSqliteTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

/** A timestamp as either database returns it: PostgreSQL gives Date, SQLite UTC text without a zone. */
export function fromDbTime(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

export const optionalDbTime = (value: string | Date | null | undefined) => (value ? fromDbTime(value) : null);

/** `?` placeholders to PostgreSQL's `$1, $2, …`. Raw SQL here never has a `?` inside a literal. */
export const numberedPlaceholders = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * The few differences between SQLite and PostgreSQL that raw SQL meets: placeholders, how a
 * timestamp is passed, RETURNING. Raw queries are written once with `?` and go through here.
 */
@Injectable()
export class Sql {
  readonly dialect: Dialect;

  constructor(private readonly dataSource: DataSource) {
    this.dialect = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  get postgres(): boolean {
    return this.dialect === 'postgres';
  }

  /** Runs on the data source, or inside the caller's transaction when `db` is given. */
  query<T = Record<string, unknown>[]>(sql: string, params: unknown[] = [], db?: EntityManager): Promise<T> {
    const runner = db ?? this.dataSource;
    return runner.query(this.postgres ? numberedPlaceholders(sql) : sql, params) as Promise<T>;
  }

  /**
   * The rows of an INSERT/UPDATE/DELETE … RETURNING. (TypeORM hands PostgreSQL's UPDATE and DELETE
   * back as [rows, count], everything else as rows.)
   */
  async returning<T>(sql: string, params: unknown[] = [], db?: EntityManager): Promise<T[]> {
    const result = await this.query<unknown[]>(sql, params, db);
    if (this.postgres && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
    return result as T[];
  }

  /** A timestamp parameter: a Date for PostgreSQL (sent with its offset), UTC text for SQLite. */
  time(date: Date): Date | string {
    return this.postgres ? date : toSqliteTime(date);
  }

  /**
   * Reads in one read-only transaction of their own (on PostgreSQL: for `SET LOCAL` settings such
   * as statement_timeout, which end with it). Writes go through Transactions, never here.
   */
  readOnlyTransaction<T>(work: (db: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (db) => {
      if (this.postgres) await db.query('SET TRANSACTION READ ONLY');
      return work(db);
    });
  }

  /** `n` placeholders separated by commas, for IN lists. */
  list(n: number): string {
    return Array.from({ length: n }, () => '?').join(', ');
  }
}
