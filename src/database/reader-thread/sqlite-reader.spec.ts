import type { DataSource } from 'typeorm';
import { openReaderFixture, type ReaderFixture } from '../../../test/support/reader-fixture';
import { ReadDeadlineExceeded, type SqliteReader } from './sqlite-reader';

/** Counts to 100 million before its only row: SQLite works long before returning anything. */
const SLOW_BEFORE_FIRST_ROW = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) SELECT count(*) AS n FROM c';
/** Many rows, each cheap: the thread notices the deadline between rows. */
const MANY_ROWS = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT x FROM c';

describe('SqliteReader (long reads in a thread of their own, each with a deadline)', () => {
  let fixture: ReaderFixture;
  let dataSource: DataSource;
  let reader: SqliteReader;

  beforeEach(async () => {
    fixture = await openReaderFixture('reader', 'CREATE TABLE items (id integer PRIMARY KEY, word text NOT NULL)');
    ({ dataSource, reader } = fixture);
  });

  afterEach(() => fixture.close());

  const soon = () => Date.now() + 10_000;

  it('reads what the main connection committed, with ? parameters', async () => {
    await dataSource.query("INSERT INTO items (word) VALUES ('brev'), ('post'), ('porto')");
    expect(await reader.query('SELECT word FROM items WHERE word LIKE ? ORDER BY id', ['po%'], soon())).toEqual([{ word: 'post' }, { word: 'porto' }]);
  });

  it('keeps only the first rows of each key when asked', async () => {
    await dataSource.query("INSERT INTO items (word) VALUES ('a'), ('a'), ('a'), ('b')");
    const rows = await reader.query('SELECT id, word FROM items ORDER BY id', [], soon(), { key: 'word', count: 2 });
    expect(rows).toEqual([
      { id: 1, word: 'a' },
      { id: 2, word: 'a' },
      { id: 4, word: 'b' },
    ]);
  });

  it('gives up a read of many rows at its deadline', async () => {
    await expect(reader.query(MANY_ROWS, [], Date.now() + 50)).rejects.toBeInstanceOf(ReadDeadlineExceeded);
    expect(await reader.query('SELECT 1 AS one', [], soon())).toEqual([{ one: 1 }]);
  });

  it('replaces a thread stuck in SQLite past the deadline, and the reads waiting behind it are answered', async () => {
    const stuck = reader.query(SLOW_BEFORE_FIRST_ROW, [], Date.now() + 50);
    const behind = reader.query('SELECT 2 AS two', [], soon());
    await expect(stuck).rejects.toBeInstanceOf(ReadDeadlineExceeded);
    expect(await behind).toEqual([{ two: 2 }]);
  });

  it('refuses to write', async () => {
    await expect(reader.query("INSERT INTO items (word) VALUES ('x')", [], soon())).rejects.toThrow(/only reads/);
  });

  it('answers a read whose deadline has passed before it started with ReadDeadlineExceeded, without reading', async () => {
    await expect(reader.query('SELECT 1', [], Date.now() - 1)).rejects.toBeInstanceOf(ReadDeadlineExceeded);
  });
});
