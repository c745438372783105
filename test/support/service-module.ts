import 'reflect-metadata';
import { Test, TestingModule } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import type { StaffActor } from '../../src/auth/actor';
import { DeskEventMap, DeskEvents } from '../../src/chat/desk-events';
import { Clock, FixedClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/load-config';
import type { Role } from '../../src/staff/roles';
import { StaffService } from '../../src/staff/staff.service';
import { OPEN_INSTANT } from './test-app';

export type Announced = { [K in keyof DeskEventMap]: [K, DeskEventMap[K]] }[keyof DeskEventMap];

export interface ServiceModule {
  module: TestingModule;
  clock: FixedClock;
  get<T>(type: abstract new (...args: never[]) => T): T;
  /** Every desk event emitted so far, in order. */
  announced: Announced[];
  staff(role: Role, name?: string): Promise<StaffActor>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * The service tier: the application's providers on a real SQLite file (writer thread included)
 * with a fixed clock, and no HTTP server or sockets. Between the pure-rule specs and e2e.
 */
export async function startServiceModule(options: { now?: string } = {}): Promise<ServiceModule> {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-service-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${join(dataDir, 'desk.sqlite')}`,
    REGISTRY_FIXTURE: join(__dirname, '../../data/registry.sample.json'),
    RATE_LIMIT_STARTS: '100000',
  });
  const clock = new FixedClock(new Date(options.now ?? OPEN_INSTANT));
  const module = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  module.enableShutdownHooks();
  await module.init();
  const announced: Announced[] = [];
  const desk = module.get(DeskEvents);
  const record = desk.emit.bind(desk);
  desk.emit = (name, payload) => {
    announced.push([name, payload] as Announced);
    record(name, payload);
  };
  return {
    module,
    clock,
    get: (type) => module.get(type as never),
    announced,
    async staff(role, name) {
      counter += 1;
      const username = `${name ?? role}${counter}`;
      const user = await module.get(StaffService).create({ username, password: `correct-horse-${counter}-battery`, displayName: `${name ?? role} ${counter}`, role });
      return { kind: 'staff', id: user.id, username, displayName: user.displayName, role, mustChangePassword: false };
    },
    async close() {
      await module.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
