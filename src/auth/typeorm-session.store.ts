import { Store, type SessionData } from 'express-session';
import { EntityManager, LessThan, Repository } from 'typeorm';
import type { Clock } from '../common/clock';
import type { Transactions } from '../database/transactions';
import { SessionEntity } from './session.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

// express-session sends a redirect before the save commits: a read first waits for this instance's writes to it.
export class TypeormSessionStore extends Store {
  private readonly pendingWrites = new Map<string, Promise<unknown>>();

  constructor(
    private readonly sessions: Repository<SessionEntity>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    (this.pendingWrites.get(sid) ?? Promise.resolve())
      .then(() => this.sessions.findOneBy({ sid }))
      .then((row) => {
        if (!row || row.expiresAt.getTime() <= this.clock.now().getTime()) return callback(null, null);
        callback(null, JSON.parse(row.data) as SessionData);
      })
      .catch((error) => callback(error));
  }

  override set(sid: string, session: SessionData, callback?: (err?: unknown) => void): void {
    const row = { sid, data: JSON.stringify(session), userId: session.userId ?? null, expiresAt: this.expiry(session) };
    this.write(sid, (db) => db.getRepository(SessionEntity).upsert(row, ['sid']))
      .then(() => callback?.())
      .catch((error) => callback?.(error));
  }

  override touch(sid: string, session: SessionData, callback?: () => void): void {
    this.transactions
      .run((db) => db.getRepository(SessionEntity).update({ sid }, { expiresAt: this.expiry(session) }))
      .then(() => callback?.())
      .catch(() => callback?.());
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.write(sid, (db) => db.getRepository(SessionEntity).delete({ sid }))
      .then(() => callback?.())
      .catch((error) => callback?.(error));
  }

  async destroyAllOf(userId: string, keepSid?: string): Promise<void> {
    await this.transactions.run((db) => {
      const query = db.createQueryBuilder().delete().from(SessionEntity).where('user_id = :userId', { userId });
      if (keepSid) query.andWhere('sid <> :keepSid', { keepSid });
      return query.execute();
    });
  }

  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    const result = await this.transactions.run((db) => db.getRepository(SessionEntity).delete({ expiresAt: LessThan(now) }));
    return result.affected ?? 0;
  }

  private write<T>(sid: string, work: (db: EntityManager) => Promise<T>): Promise<T> {
    const written = this.transactions.run(work);
    const settled = written.then(
      () => undefined,
      () => undefined,
    );
    this.pendingWrites.set(sid, settled);
    void settled.then(() => {
      if (this.pendingWrites.get(sid) === settled) this.pendingWrites.delete(sid);
    });
    return written;
  }

  // The desk's clock (FAKE_NOW), never past a staff session's absolute end whatever the rolling renewal does.
  private expiry(session: SessionData): Date {
    const maxAge = session.cookie?.originalMaxAge;
    const rolling = this.clock.now().getTime() + (typeof maxAge === 'number' && maxAge > 0 ? maxAge : DAY_MS);
    return new Date(typeof session.endsAt === 'number' ? Math.min(rolling, session.endsAt) : rolling);
  }
}
