import type { IncomingMessage, ServerResponse } from 'node:http';
import { get } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { HistorySearchStore } from '../../src/supervision/history/history-search.store';
import { seedHistory, SeededHistory } from '../support/seed-history';
import { OPEN_INSTANT, StaffLogin, startTestApp, TestApp } from '../support/test-app';

const CHATS = 10_000;
const MESSAGES_PER_CHAT = 10;

/**
 * The chat ids (second column) of an export's rows, read as they arrive: only the ids are kept,
 * so that the test's own garbage does not pause the event loop it measures.
 */
function collectIds(res: import('superagent').Response, callback: (error: Error | null, ids: string[]) => void): void {
  const ids: string[] = [];
  let rest = '';
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\r\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('DS-')) ids.push(line.split(',')[1]);
  });
  stream.on('end', () => callback(null, ids));
}

describe('a large history: searches and exports that do not stop the desk', () => {
  let desk: TestApp;
  let supervisor: StaffLogin;
  let seeded: SeededHistory;

  beforeAll(async () => {
    desk = await startTestApp();
    supervisor = await desk.login('supervisor', 'siv');
    seeded = await seedHistory(desk, { chats: CHATS, messagesPerChat: MESSAGES_PER_CHAT, before: new Date(OPEN_INSTANT) });
    console.log(`Seeded ${CHATS} chats, ${seeded.messages} messages in ${seeded.seconds} s`);
    // The first look at the opening hours (the sweeper's, every 5 s) builds the year's holiday
    // calendar once per process, holding the event loop for 50-150 ms: here, not during a measurement.
    await desk.http().get('/api/opening-hours').expect(200);
  }, 60_000);

  afterAll(async () => {
    await desk.close();
  });

  it('streams the export of every matching chat exactly once, newest first, while /health keeps answering', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const health: number[] = [];
    let done = false;
    delay.enable();
    const exported = desk
      .http()
      .get('/api/history/export.csv')
      .query({ q: 'po*' })
      .set('cookie', supervisor.cookie)
      .buffer(true)
      .parse(collectIds)
      .then((response) => {
        done = true;
        return response;
      });
    while (!done) {
      const started = performance.now();
      await desk.http().get('/health').expect(200);
      health.push(performance.now() - started);
      await sleep(25);
    }
    const response = await exported;
    delay.disable();
    console.log(`Export of ${seeded.chatIds.length} chats: /health answered ${health.length} times, slowest ${Math.round(Math.max(...health))} ms; event loop delay max ${Math.round(delay.max / 1e6)} ms, p99 ${Math.round(delay.percentile(99) / 1e6)} ms`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual(seeded.chatIds);
    // The event loop's own delay is the measure (wall-clock answers also count the machine's load).
    // Profiled, the export holds it for a few tens of ms at a time; the bound leaves room for a
    // machine shared with other jobs (before the reader thread it was held for the whole export: 53 s
    // for 2,000 chats).
    expect(delay.max / 1e6).toBeLessThan(500);
    expect(health.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...health)).toBeLessThan(1000);
  }, 120_000);

  it('stops reading the history when the client of an export goes away', async () => {
    const store = desk.app.get(HistorySearchStore);
    const findChats = store.findChats.bind(store);
    const findSnippets = store.findSnippets.bind(store);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const chunksAsked = jest.spyOn(store, 'findChats').mockImplementation(async (request) => {
      // A second chunk waits until the client has gone.
      if (chunksAsked.mock.calls.length === 2) await gate;
      return findChats(request);
    });
    let secondChunkRead!: () => void;
    const secondChunkDone = new Promise<void>((resolve) => (secondChunkRead = resolve));
    const snippetsRead = jest.spyOn(store, 'findSnippets').mockImplementation(async (...args) => {
      const snippets = await findSnippets(...args);
      if (snippetsRead.mock.calls.length === 2) secondChunkRead();
      return snippets;
    });
    try {
      const closed = new Promise<void>((resolve) => {
        desk.app.getHttpServer().once('request', (_req: IncomingMessage, res: ServerResponse) => res.once('close', () => resolve()));
      });
      const request = get(`${desk.url}/api/history/export.csv?q=po*`, { headers: { cookie: supervisor.cookie } });
      request.on('error', () => undefined); // destroyed on purpose
      request.on('response', (response) => response.once('data', () => request.destroy()));
      await closed;
      release();
      // Not stopped, the export would go on writing the first chunk and ask for the next ones.
      await sleep(300);
      if (chunksAsked.mock.calls.length === 2) {
        await secondChunkDone;
        await sleep(300);
      }
      expect(chunksAsked.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      chunksAsked.mockRestore();
      snippetsRead.mockRestore();
    }
  });

  it('answers a search too broad for its time budget with 422 QUERY_TOO_BROAD, well within the time it would take', async () => {
    // A prefix is read as an OR of whole terms, so even `po* in* br*` can finish in a few ms here: 1 ms it cannot.
    const strict = await startTestApp({ dataDir: desk.dataDir, env: { SEARCH_TIME_BUDGET_MS: '1' } });
    try {
      const login = await strict.login('supervisor', 'stine');
      for (const path of ['/api/history', '/api/history/export.csv']) {
        const started = performance.now();
        const response = await strict.http().get(path).query({ q: 'po* in* br*' }).set('cookie', login.cookie).expect(422);
        expect(performance.now() - started).toBeLessThan(2000);
        expect(response.body.error.code).toBe('QUERY_TOO_BROAD');
        expect(response.body.error.message).toMatch(/longer|period|dates/i);
      }
    } finally {
      await strict.close({ keepData: true });
    }
  }, 60_000);
});
