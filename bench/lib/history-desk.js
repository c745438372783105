'use strict';
/*
 * One build of the desk (its dist/) started in this process on a given database, with a supervisor
 * logged in over HTTP: what the history benchmarks measure through.
 */
const { join } = require('node:path');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { login, ROOT } = require('./desk');

const PASSWORD = 'bench-supervisor-password';

async function startHistoryDesk({ dist = join(ROOT, 'dist'), databaseUrl, dataDir, name = 'benchsupervisor', env = {}, logger = ['error'] }) {
  // The build's own Nest, so that another checkout's dist/ gets the classes it injects.
  const fromDist = (module) => require(require.resolve(module, { paths: [dist] }));
  fromDist('reflect-metadata');
  const { NestFactory } = fromDist('@nestjs/core');
  const { AppModule } = require(join(dist, 'app.module'));
  const { configureApp } = require(join(dist, 'app.setup'));
  const { loadConfig } = require(join(dist, 'config/load-config'));
  const { StaffService } = require(join(dist, 'staff/staff.service'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir ?? mkdtempSync(join(tmpdir(), 'desk-history-')),
    DATABASE_URL: databaseUrl,
    REGISTRY_FIXTURE: join(ROOT, 'data', 'registry.sample.json'),
    RETENTION_DAYS: '36500',
    ...env,
  });
  const app = await NestFactory.create(AppModule.forRoot(config), { logger });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const username = `${name}${Date.now()}`;
  await app.get(StaffService).create({ username, password: PASSWORD, displayName: name, role: 'supervisor' });
  const { cookie } = await login(url, username, PASSWORD);
  return { app, url, cookie };
}

module.exports = { startHistoryDesk };
