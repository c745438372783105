#!/usr/bin/env node
// `npm test`: lint, type-check, build, then every tier.
// - Browser tests need Chromium; without it they are skipped with a plain message.
// - The PostgreSQL tiers (e2e-postgres, multi-instance) need PostgreSQL and Redis: given by
//   TEST_POSTGRES_URL and TEST_REDIS_URL, or started here on loopback with scripts/services.sh
//   when Debian's postgresql and redis-server are installed; otherwise skipped with a plain message.
// CI (.ci/run) installs all of them, so there every tier runs.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const run = (command, args) => {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false, cwd: root });
  return result.status ?? 1;
};
const mustRun = (command, args) => {
  const status = run(command, args);
  if (status !== 0) process.exit(status);
};

const haveServers = () =>
  existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0 && spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;

function startServices() {
  const result = spawnSync(join(root, 'scripts/services.sh'), ['start'], { encoding: 'utf8' });
  if (result.status !== 0) {
    console.log(`\nCould not start PostgreSQL and Redis: ${result.stderr}`);
    return false;
  }
  for (const line of result.stdout.trim().split('\n')) {
    const [name, ...value] = line.split('=');
    process.env[name] = value.join('=');
  }
  return true;
}

mustRun('npx', ['eslint', '{src,test,bench}/**/*.ts']);
mustRun('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
mustRun('npx', ['tsc', '-p', 'public/js/tsconfig.json']); // the browser modules against the server's types
// Suites that run the built server (dist/) use this one build instead of each building its own.
mustRun('npm', ['run', 'build', '--silent']);
process.env.DESK_BUILT = '1';

const projects = ['unit', 'service', 'e2e'];
let startedServices = false;
if (!process.env.TEST_POSTGRES_URL && haveServers()) startedServices = startServices();
if (process.env.TEST_POSTGRES_URL && process.env.TEST_REDIS_URL) projects.push('e2e-postgres', 'multi-instance');
else console.log('\nPostgreSQL/Redis not available: the e2e-postgres and multi-instance tests are NOT run. Install postgresql and redis-server (apt-get), or set TEST_POSTGRES_URL and TEST_REDIS_URL.');
if (existsSync(chromium)) projects.push('browser');
else console.log(`\nChromium not found at ${chromium}: the browser tests are NOT run. Install it (apt-get install chromium) to run them.`);

const status = run('npx', ['jest', '--ci', ...projects.flatMap((p) => ['--selectProjects', p]), ...process.argv.slice(2)]);
if (startedServices) spawnSync(join(root, 'scripts/services.sh'), ['stop'], { stdio: 'inherit' });
process.exit(status);
