import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from './data-source-options';

describe('the migrations of SQLite and PostgreSQL', () => {
  it('are kept in step: the same migrations, by name, in the same order', () => {
    const names = (list: (new () => { name?: string })[]) => list.map((Migration) => new Migration().name);
    expect(names(POSTGRES_MIGRATIONS)).toEqual(names(SQLITE_MIGRATIONS));
    expect(new Set(names(SQLITE_MIGRATIONS)).size).toBe(SQLITE_MIGRATIONS.length);
  });
});
