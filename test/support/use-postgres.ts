// Jest setup of the e2e-postgres project: the same e2e suites, each app on a PostgreSQL database
// of its own. Set before any entity is imported: column types are chosen from DATABASE_URL.
const server = process.env.TEST_POSTGRES_URL;
if (!server) throw new Error('TEST_POSTGRES_URL is not set: start one with scripts/services.sh start');
process.env.TEST_DATABASE = 'postgres';
process.env.DATABASE_URL = server;
