// Entity decorators run at import, before Nest builds the configuration.
const isPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

export const TIMESTAMP = isPostgres ? 'timestamptz' : 'datetime';

export const BYTES = isPostgres ? 'bytea' : 'blob';
