/**
 * Entity decorators are evaluated when their files are imported, before Nest builds the
 * configuration, so the column types that differ between SQLite and PostgreSQL are chosen here.
 */
const isPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

export const TIMESTAMP = isPostgres ? 'timestamptz' : 'datetime';

export const BYTES = isPostgres ? 'bytea' : 'blob';
