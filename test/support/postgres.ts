import { Client } from 'pg';

/** One statement on its own connection: for CREATE/DROP DATABASE, which cannot run in a pool's transaction. */
export async function queryPostgres(connectionString: string, sql: string): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The rows of one query, on its own connection. */
export async function selectPostgres<T = Record<string, unknown>>(connectionString: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
