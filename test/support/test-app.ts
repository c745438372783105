import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { queryPostgres } from './postgres';
import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { NAMESPACES, type AgentClientEventMap, type AgentServerEventMap, type CitizenClientEventMap, type CitizenServerEventMap } from '../../src/chat/socket-contract';
import { Clock, FixedClock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/load-config';
import type { Role } from '../../src/staff/roles';
import { StaffService } from '../../src/staff/staff.service';

/** A Tuesday inside opening hours (11:00 in Oslo). */
export const OPEN_INSTANT = '2026-11-24T10:00:00Z';
/** A Saturday. */
export const CLOSED_INSTANT = '2026-11-28T10:00:00Z';

export interface StaffLogin {
  id: string;
  username: string;
  displayName: string;
  cookie: string;
  csrfToken: string;
}

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  dataDir: string;
  databaseFile: string;
  /** The DATABASE_URL the app runs on (sqlite:… or postgres://…). */
  databaseUrl: string;
  clock: FixedClock;
  http(): ReturnType<typeof request>;
  createStaff(role: Role, name?: string): Promise<{ id: string; username: string; password: string; displayName: string }>;
  login(role: Role, name?: string): Promise<StaffLogin>;
  citizen(options?: { token?: string }): Promise<Socket>;
  agent(login: StaffLogin): Promise<Socket>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

let counter = 0;
const agentStates = new WeakMap<Socket, Promise<any>>();

/** The `agent:state` the server sent when this agent socket connected. */
export function agentState(socket: Socket): Promise<any> {
  return agentStates.get(socket) ?? Promise.reject(new Error('not an agent socket'));
}

/**
 * Starts the real application (configureApp, real pipes and guards) on a random port with a
 * fresh SQLite file, and a clock that moves only when a test says so.
 */
export async function startTestApp(options: { now?: string; env?: Record<string, string>; dataDir?: string } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  const databaseFile = join(dataDir, 'desk.sqlite');
  const database = await testDatabase(dataDir);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    REGISTRY_FIXTURE: join(__dirname, '../../data/registry.sample.json'),
    RATE_LIMIT_STARTS: '100000',
    ...options.env,
  });
  const clock = new FixedClock(new Date(options.now ?? OPEN_INSTANT));
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error', 'warn'] });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const sockets: Socket[] = [];

  const connect = (namespace: string, opts: Parameters<typeof io>[1]): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const socket = io(`${url}${namespace}`, { transports: ['websocket'], reconnection: false, forceNew: true, ...opts });
      sockets.push(socket);
      if (namespace === NAMESPACES.agent) {
        const state = next(socket, 'agent:state');
        state.catch(() => undefined); // only some tests ask for it
        agentStates.set(socket, state);
      }
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (error) => reject(error));
    });

  const testApp: TestApp = {
    app,
    url,
    dataDir,
    databaseFile,
    databaseUrl: database.url,
    clock,
    http: () => request(url),
    async createStaff(role, name) {
      counter += 1;
      const username = `${name ?? role}${counter}`;
      const password = `correct-horse-${counter}-battery`;
      const displayName = `${name ?? role} ${counter}`.replace(/^./, (c) => c.toUpperCase());
      const user = await app.get(StaffService).create({ username, password, displayName, role });
      return { id: user.id, username, password, displayName };
    },
    async login(role, name) {
      const staff = await testApp.createStaff(role, name);
      const response = await request(url).post('/api/auth/login').send({ username: staff.username, password: staff.password }).expect(200);
      const cookie = (response.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
      return { id: staff.id, username: staff.username, displayName: staff.displayName, cookie, csrfToken: response.body.csrfToken };
    },
    citizen: (opts = {}) => connect(NAMESPACES.citizen, opts.token ? { auth: { token: opts.token } } : {}),
    agent: (login) => connect(NAMESPACES.agent, { extraHeaders: { cookie: login.cookie } }),
    async close(closeOptions = {}) {
      sockets.forEach((s) => s.disconnect());
      await app.close();
      if (!closeOptions.keepData) {
        rmSync(dataDir, { recursive: true, force: true });
        await database.drop();
      }
    },
  };
  return testApp;
}

/**
 * The database of one test app: a SQLite file in its data directory, or, in the e2e-postgres
 * project (test/support/use-postgres.ts), a PostgreSQL database of its own named after that
 * directory, so that a test reopening the same directory finds the same data.
 */
async function testDatabase(dataDir: string): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.TEST_DATABASE === 'postgres' ? process.env.TEST_POSTGRES_URL : undefined;
  if (!server) return { url: `sqlite:${join(dataDir, 'desk.sqlite')}`, drop: async () => undefined };
  const name = `desk_${basename(dataDir).replace(/[^a-zA-Z0-9]/g, '_').toLowerCase()}`;
  const admin = (sql: string) => queryPostgres(server, sql);
  await admin(`CREATE DATABASE ${name}`).catch((error: { code?: string }) => {
    if (error.code !== '42P04') throw error; // already there: the test reopens its data
  });
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Emits and resolves with the acknowledgement. */
/** Events of the socket contract (src/chat/socket-contract.ts), on either namespace. */
type ClientEvent = keyof CitizenClientEventMap | keyof AgentClientEventMap;
type ServerEvent = keyof CitizenServerEventMap | keyof AgentServerEventMap | 'disconnect';

export function ask<T = any>(socket: Socket, event: ClientEvent, payload: unknown = {}): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;
}

/** Resolves with the next event of that name (optionally the first that matches). */
export function next<T = any>(socket: Socket, event: ServerEvent, matches: (payload: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`No "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    // A wait nobody awaits any more (a refused socket's first agent:state) must not hold jest open.
    timer.unref();
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Collects every payload of an event from now on. */
export function collect<T = any>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

export const VALID_CHAT = { topic: 'digital-mailbox', message: 'Jeg finner ikke brevet fra Skatteetaten i postkassen min.' };

/** Polls until the condition holds (for state reached through pushes that may already have happened). */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
