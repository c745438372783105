import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { NationalIdHasher } from '../config/national-id-hash';
import { Sql } from '../database/sql';
import { Transactions } from '../database/transactions';

const BATCH = 500;

/**
 * Fills tickets' national_id_hash where it is missing (rows from before the column), and hashes
 * every row again when the key has changed (a rotated session secret or NATIONAL_ID_HASH_KEY):
 * the key is configuration, which a migration cannot see. Before the app answers, so that a
 * look-up never misses an older ticket.
 */
@Injectable()
export class NationalIdHashBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(NationalIdHashBackfill.name);

  constructor(
    private readonly sql: Sql,
    private readonly transactions: Transactions,
    private readonly hasher: NationalIdHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.keyChanged()) {
      await this.transactions.run((db) => this.sql.query('UPDATE tickets SET national_id_hash = NULL WHERE national_id IS NOT NULL', [], db));
      this.logger.log('The national identity number hash key has changed: hashing every ticket again');
    }
    const filled = await this.fillMissing();
    if (filled > 0) this.logger.log(`Hashed the national identity number of ${filled} tickets`);
  }

  private async keyChanged(): Promise<boolean> {
    const [sample] = await this.sql.query<{ nationalId: string; hash: string }[]>(
      'SELECT national_id AS "nationalId", national_id_hash AS hash FROM tickets WHERE national_id_hash IS NOT NULL LIMIT 1',
    );
    return sample !== undefined && this.hasher.hash(sample.nationalId) !== sample.hash;
  }

  async fillMissing(): Promise<number> {
    let filled = 0;
    for (;;) {
      const rows = await this.sql.query<{ id: string; nationalId: string }[]>(
        'SELECT id, national_id AS "nationalId" FROM tickets WHERE national_id IS NOT NULL AND national_id_hash IS NULL LIMIT ?',
        [BATCH],
      );
      if (rows.length === 0) return filled;
      await this.transactions.run(async (db) => {
        // The number guard: a row whose number changed meanwhile was hashed by that write.
        for (const row of rows) {
          await this.sql.query('UPDATE tickets SET national_id_hash = ? WHERE id = ? AND national_id = ?', [this.hasher.hash(row.nationalId), row.id, row.nationalId], db);
        }
      });
      filled += rows.length;
      if (rows.length < BATCH) return filled;
    }
  }
}
