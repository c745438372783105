import { fromDbTime, numberedPlaceholders, toSqliteTime } from './sql';

describe('raw SQL for both databases', () => {
  it('numbers the placeholders in order for PostgreSQL', () => {
    expect(numberedPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?) LIMIT ?')).toBe('SELECT * FROM t WHERE a = $1 AND b IN ($2, $3) LIMIT $4');
    expect(numberedPlaceholders('SELECT 1')).toBe('SELECT 1');
  });

  it('writes SQLite timestamps as UTC text that sorts like time, and reads both forms back', () => {
    const instant = new Date('2026-03-29T00:59:59.123Z');
    expect(toSqliteTime(instant)).toBe('2026-03-29 00:59:59.123');
    expect(fromDbTime(toSqliteTime(instant))).toEqual(instant);
    expect(fromDbTime(instant)).toBe(instant);
    expect(fromDbTime('2026-03-29T02:59:59.123+02:00')).toEqual(instant);
    expect(toSqliteTime(new Date('2026-12-31T23:00:00Z')) > toSqliteTime(new Date('2026-12-31T22:59:59.999Z'))).toBe(true);
  });
});
