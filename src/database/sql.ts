import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type Dialect = 'sqlite' | 'postgres';

// TypeORM's own format; text order is time order.
export const toSqliteTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

export function fromDbTime(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

export const optionalDbTime = (value: string | Date | null | undefined) => (value ? fromDbTime(value) : null);

// Raw SQL here never has a `?` inside a literal.
export const numberedPlaceholders = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

@Injectable()
export class Sql {
  readonly dialect: Dialect;

  constructor(private readonly dataSource: DataSource) {
    this.dialect = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  get postgres(): boolean {
    return this.dialect === 'postgres';
  }

  query<T = Record<string, unknown>[]>(sql: string, params: unknown[] = [], db?: EntityManager): Promise<T> {
    const runner = db ?? this.dataSource;
    return runner.query(this.postgres ? numberedPlaceholders(sql) : sql, params) as Promise<T>;
  }

  // TypeORM hands PostgreSQL's UPDATE and DELETE back as [rows, count].
  async returning<T>(sql: string, params: unknown[] = [], db?: EntityManager): Promise<T[]> {
    const result = await this.query<unknown[]>(sql, params, db);
    if (this.postgres && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
    return result as T[];
  }

  time(date: Date): Date | string {
    return this.postgres ? date : toSqliteTime(date);
  }

  // On PostgreSQL `SET LOCAL` settings such as statement_timeout end with the transaction.
  readOnlyTransaction<T>(work: (db: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (db) => {
      if (this.postgres) await db.query('SET TRANSACTION READ ONLY');
      return work(db);
    });
  }

  list(n: number): string {
    return Array.from({ length: n }, () => '?').join(', ');
  }
}
