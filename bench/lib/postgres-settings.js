'use strict';

const { Client } = require('pg');

const SETTINGS = ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'commit_delay', 'shared_buffers', 'max_connections'];

/** The server settings that decide what a commit costs, so a run on PostgreSQL says what it ran on. */
async function postgresSettings(url) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1) ORDER BY name', [SETTINGS]);
    return Object.fromEntries(rows.map((row) => [row.name, row.unit && row.unit !== 'ms' ? `${row.setting}×${row.unit}` : row.setting]));
  } finally {
    await client.end();
  }
}

const formatSettings = (settings) => Object.entries(settings).map(([name, value]) => `${name}=${value}`).join(', ');

module.exports = { postgresSettings, formatSettings };
