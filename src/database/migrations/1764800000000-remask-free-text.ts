import { MigrationInterface, QueryRunner } from 'typeorm';
import { maskNationalIdsInText } from '../../common/national-id-in-text';

const BATCH = 2000;

interface FreeTextTable {
  table: string;
  columns: string[];
  // docs/domain.md §3: a citizen's message in a verified chat keeps that citizen's own number.
  ownNumber?: { select: string; from: string };
}

const TABLES: FreeTextTable[] = [
  { table: 'tickets', columns: ['citizen_name', 'citizen_email', 'citizen_phone', 'summary', 'rating_comment'] },
  {
    table: 'messages',
    columns: ['body'],
    ownNumber: {
      select: `CASE WHEN x.author = 'citizen' AND t.verified = TRUE THEN t.national_id END AS own_number`,
      from: 'messages x JOIN tickets t ON t.id = x.ticket_id',
    },
  },
  { table: 'notes', columns: ['body'] },
  { table: 'ready_replies', columns: ['title', 'body'] },
];

// Uses today's masking rule: a later change of the rule needs a migration of its own. Irreversible by design.
export class RemaskFreeText1764800000000 implements MigrationInterface {
  name = 'RemaskFreeText1764800000000';

  constructor(private readonly batch = BATCH) {}

  async up(db: QueryRunner): Promise<void> {
    const postgres = db.connection.options.type === 'postgres';
    const param = (n: number) => (postgres ? `$${n}` : '?');
    for (const { table, columns, ownNumber } of TABLES) {
      const wanted = columns.map((c) => `x.${c} AS ${c}`).join(', ');
      const select = ownNumber
        ? `SELECT x.id AS id, ${wanted}, ${ownNumber.select} FROM ${ownNumber.from}`
        : `SELECT x.id AS id, ${wanted} FROM ${table} x`;
      let after = '';
      for (;;) {
        const rows = (await db.query(`${select} WHERE x.id > ${param(1)} ORDER BY x.id LIMIT ${this.batch}`, [after])) as Record<string, string | null>[];
        for (const row of rows) {
          const changed = columns.filter((c) => row[c] && maskNationalIdsInText(row[c], row.own_number ?? undefined) !== row[c]);
          if (changed.length === 0) continue;
          const assignments = changed.map((c, i) => `${c} = ${param(i + 1)}`).join(', ');
          const values = changed.map((c) => maskNationalIdsInText(row[c]!, row.own_number ?? undefined));
          await db.query(`UPDATE ${table} SET ${assignments} WHERE id = ${param(changed.length + 1)}`, [...values, row.id]);
        }
        if (rows.length < this.batch) break;
        after = rows[rows.length - 1].id!;
      }
    }
  }

  async down(): Promise<void> {
  }
}
