#!/usr/bin/env node
// `npm test`: lint, type-check, then every tier. Browser tests need Chromium; without it they are
// skipped with a plain message (CI installs it, so there they always run).
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const run = (command, args) => {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npx', ['eslint', '{src,test,bench}/**/*.ts']);
run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
const projects = ['unit', 'e2e'];
if (existsSync(chromium)) projects.push('browser');
else console.log(`\nChromium not found at ${chromium}: the browser tests are NOT run. Install it (apt-get install chromium) to run them.`);
run('npx', ['jest', '--ci', ...projects.flatMap((p) => ['--selectProjects', p]), ...process.argv.slice(2)]);
