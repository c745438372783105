import { Store, type SessionData } from 'express-session';
import { LessThan, Repository } from 'typeorm';
import type { Clock } from '../common/clock';
import type { Transactions } from '../database/transactions';
import { SessionEntity } from './session.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** express-session store on the application database, so sessions are shared by every instance. */
export class TypeormSessionStore extends Store {
  constructor(
    private readonly sessions: Repository<SessionEntity>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    this.sessions
      .findOneBy({ sid })
      .then((row) => {
        if (!row || row.expiresAt.getTime() <= this.clock.now().getTime()) return callback(null, null);
        callback(null, JSON.parse(row.data) as SessionData);
      })
      .catch((error) => callback(error));
  }

  override set(sid: string, session: SessionData, callback?: (err?: unknown) => void): void {
    const row = { sid, data: JSON.stringify(session), expiresAt: this.expiry(session) };
    this.transactions
      .run((db) => db.getRepository(SessionEntity).upsert(row, ['sid']))
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
    this.transactions
      .run((db) => db.getRepository(SessionEntity).delete({ sid }))
      .then(() => callback?.())
      .catch((error) => callback?.(error));
  }

  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    const result = await this.transactions.run((db) => db.getRepository(SessionEntity).delete({ expiresAt: LessThan(now) }));
    return result.affected ?? 0;
  }

  /** Counted on the desk's clock (FAKE_NOW), not on the cookie's wall-clock expiry date. */
  private expiry(session: SessionData): Date {
    const maxAge = session.cookie?.originalMaxAge;
    return new Date(this.clock.now().getTime() + (typeof maxAge === 'number' && maxAge > 0 ? maxAge : DAY_MS));
  }
}
