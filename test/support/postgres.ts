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
