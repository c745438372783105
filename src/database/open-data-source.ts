import { DataSource, DataSourceOptions } from 'typeorm';

const MIGRATION_LOCK = 7_640_000_001;

// Several instances may start together and TypeORM takes no migration lock, hence the advisory lock.
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  if (options.type !== 'postgres') return dataSource;
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations();
  } catch (error) {
    // Nest retries start-up with a new data source: this one's pool must not stay open.
    await runner.release().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    throw error;
  } finally {
    if (!runner.isReleased) {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }
  return dataSource;
}
