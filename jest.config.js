/**
 * Tiers: unit (pure rules, beside the code, and the browser chat client's state in public/js), service
 * (`*.service-spec.ts` beside the code: the providers on a real SQLite file with a fixed clock, no
 * server; test/support/service-module.ts), e2e (started app, real SQLite file), e2e-postgres (the
 * same e2e suites on PostgreSQL), multi-instance (built server, two instances on PostgreSQL and
 * Redis), browser (Chromium). The PostgreSQL tiers need TEST_POSTGRES_URL (and TEST_REDIS_URL).
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const base = { transform: { '^.+\\.ts$': tsJest }, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/public/js/**/*.spec.ts'],
      // The browser modules (public/js, ES modules in JavaScript) are transpiled for their specs.
      transform: { ...base.transform, '^.+/public/js/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }] },
    },
    { ...base, displayName: 'service', testMatch: ['<rootDir>/src/**/*.service-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    {
      ...base,
      displayName: 'e2e-postgres',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      // The ID-porten suite drives the built server in a child process; it is about log-in, not storage.
      testPathIgnorePatterns: ['/node_modules/', 'idporten-login'],
      setupFiles: ['<rootDir>/test/support/use-postgres.ts'],
    },
    { ...base, displayName: 'multi-instance', testMatch: ['<rootDir>/test/multi-instance/**/*.multi-spec.ts'] },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
