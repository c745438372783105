import { threadId } from 'node:worker_threads';
import { conflict } from '../../src/common/errors';
import { prepared } from '../../src/database/prepared-statements';
import { writeTask } from '../../src/database/writer-thread/write-task';

/** Write tasks for the Transactions spec: they run in the writer thread, so they live in a module of their own. */

export const insertItem = writeTask(__filename, 'insertItem', (db, value: number) => {
  prepared(db, 'INSERT INTO items (value) VALUES (?)').run(value);
  return { threadId, count: (prepared(db, 'SELECT COUNT(*) AS n FROM items').get() as { n: number }).n };
});

export const insertTwoItems = writeTask(__filename, 'insertTwoItems', (db, values: [number, number]) => {
  for (const value of values) prepared(db, 'INSERT INTO items (value) VALUES (?)').run(value);
  return values;
});

/** Ends the thread it runs in, as a crash of the writer thread would. */
export const stopThread = writeTask(__filename, 'stopThread', () => process.exit(1));

/** Refuses, as a task that checks what the client may do refuses. */
export const refuse = writeTask(__filename, 'refuse', () => {
  throw conflict('Not now');
});

/** Inserts an item; once per commit in which it did, notes how many items there were at the end. */
export const insertItemNotingCommit = writeTask(
  __filename,
  'insertItemNotingCommit',
  (db, value: number) => void prepared(db, 'INSERT INTO items (value) VALUES (?)').run(value),
  { afterBatch: (db) => void prepared(db, 'INSERT INTO commit_ends (items) SELECT COUNT(*) FROM items').run() },
);
