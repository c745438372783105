import { randomInt } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { buildDesk, type DeskProcess, startDesk, stopDesk } from '../support/desk-process';
import { queryPostgres } from '../support/postgres';
import { ask, VALID_CHAT } from '../support/test-app';

/**
 * Two built instances behind a trusted proxy (this test client plays it: TRUSTED_PROXIES=127.0.0.1
 * and it names the citizen in X-Forwarded-For), sharing PostgreSQL and Redis. The chat-start limit
 * counts per citizen across both instances; open sockets are capped per citizen on each instance.
 */
const POSTGRES = process.env.TEST_POSTGRES_URL;
const REDIS = process.env.TEST_REDIS_URL;

const sockets: Socket[] = [];
let database: string;
let a: DeskProcess;
let b: DeskProcess;

/** A citizen address no earlier run used: the Redis counters outlive a run. */
const freshCitizen = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

function citizenVia(desk: DeskProcess, forwardedFor: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${desk.url}/citizen`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { 'x-forwarded-for': forwardedFor } });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const startChatVia = async (desk: DeskProcess, forwardedFor: string) => ask(await citizenVia(desk, forwardedFor), 'chat:start', VALID_CHAT);

beforeAll(async () => {
  if (!POSTGRES || !REDIS) throw new Error('TEST_POSTGRES_URL and TEST_REDIS_URL must be set: run scripts/services.sh start');
  buildDesk();
  database = `desk_addr_${process.pid}_${Date.now()}`;
  await queryPostgres(POSTGRES, `CREATE DATABASE ${database}`);
  const url = new URL(POSTGRES);
  url.pathname = `/${database}`;
  const env = {
    DATABASE_URL: url.toString(),
    REDIS_URL: REDIS,
    SESSION_SECRET: 'a-session-secret-shared-by-every-instance',
    TRUSTED_PROXIES: '127.0.0.1',
    RATE_LIMIT_STARTS: '2',
    MAX_SOCKETS_PER_ADDRESS: '2',
  };
  [a, b] = await Promise.all([startDesk(env), startDesk(env)]);
}, 120_000);

afterEach(() => {
  sockets.splice(0).forEach((socket) => socket.disconnect());
});

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map(stopDesk));
  if (database) await queryPostgres(POSTGRES!, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

describe('the client address on two instances behind a trusted proxy', () => {
  it('counts chat starts per citizen across both instances, and each citizen on its own', async () => {
    const first = freshCitizen();
    expect(await startChatVia(a, first)).toMatchObject({ ok: true });
    expect(await startChatVia(b, first)).toMatchObject({ ok: true });
    expect(await startChatVia(a, first)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await startChatVia(b, freshCitizen())).toMatchObject({ ok: true });
  });

  it('caps open sockets per citizen on each instance', async () => {
    const citizen = freshCitizen();
    await citizenVia(a, citizen);
    await citizenVia(a, citizen);
    await expect(citizenVia(a, citizen).then((socket) => socket.id)).rejects.toThrow();
    expect((await citizenVia(a, freshCitizen())).connected).toBe(true);
    expect((await citizenVia(b, citizen)).connected).toBe(true);
  });
});
