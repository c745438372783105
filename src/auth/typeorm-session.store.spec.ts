import type { SessionData } from 'express-session';
import type { Repository } from 'typeorm';
import type { Clock } from '../common/clock';
import type { Transactions } from '../database/transactions';
import type { SessionEntity } from './session.entity';
import { TypeormSessionStore } from './typeorm-session.store';

function setUp() {
  const rows = new Map<string, SessionEntity>();
  const repository = {
    findOneBy: ({ sid }: { sid: string }) => Promise.resolve(rows.get(sid) ?? null),
    upsert: (row: SessionEntity) => Promise.resolve(void rows.set(row.sid, row)),
    delete: ({ sid }: { sid: string }) => Promise.resolve(void rows.delete(sid)),
  };
  const waiting: Array<() => void> = [];
  const transactions = {
    run: (work: (db: unknown) => Promise<unknown>) =>
      new Promise<void>((resolve) => waiting.push(resolve)).then(() => work({ getRepository: () => repository })),
  };
  const clock = { now: () => new Date('2026-11-24T10:00:00Z') } as Clock;
  const store = new TypeormSessionStore(repository as unknown as Repository<SessionEntity>, transactions as unknown as Transactions, clock);
  const commitAll = () => waiting.splice(0).forEach((commit) => commit());
  const read = (sid: string) =>
    new Promise<SessionData | null | undefined>((resolve, reject) => store.get(sid, (error, session) => (error ? reject(error) : resolve(session))));
  return { store, rows, commitAll, read };
}

const session = (language: string) => ({ cookie: { originalMaxAge: 60_000 }, language }) as unknown as SessionData;

describe('TypeormSessionStore', () => {
  it('answers a read with a write of the same session that has not been committed yet, once it is', async () => {
    const { store, commitAll, read } = setUp();
    store.set('sid-1', session('nn'));
    const reading = read('sid-1');
    commitAll();
    await expect(reading).resolves.toMatchObject({ language: 'nn' });
  });

  it('does not hold up reads of other sessions', async () => {
    const { store, rows, read } = setUp();
    rows.set('sid-2', { sid: 'sid-2', userId: null, data: JSON.stringify(session('en')), expiresAt: new Date('2026-11-25T10:00:00Z') });
    store.set('sid-1', session('nn'));
    await expect(read('sid-2')).resolves.toMatchObject({ language: 'en' });
  });

  it('reads a destroyed session as gone once the destroy is committed', async () => {
    const { store, rows, commitAll, read } = setUp();
    rows.set('sid-3', { sid: 'sid-3', userId: null, data: JSON.stringify(session('en')), expiresAt: new Date('2026-11-25T10:00:00Z') });
    store.destroy('sid-3');
    const reading = read('sid-3');
    commitAll();
    await expect(reading).resolves.toBeNull();
  });

  it('treats an expired session as none', async () => {
    const { rows, read } = setUp();
    rows.set('sid-4', { sid: 'sid-4', userId: null, data: JSON.stringify(session('en')), expiresAt: new Date('2026-11-24T09:59:59Z') });
    await expect(read('sid-4')).resolves.toBeNull();
  });
});
