import type { Database } from 'better-sqlite3';
import { prepared } from './prepared-statements';

/**
 * Pages (about 4 KB each) each commit that stores chat messages merges: FTS5's automerge held a commit for
 * 20–30 ms every few seconds at 2,000 messages a second (bench/README.md).
 */
export const MERGE_PAGES_PER_COMMIT = 32;

export function mergeSearchIndexStep(db: Database): void {
  prepared(db, `INSERT INTO search_index (search_index, rank) VALUES ('merge', ${MERGE_PAGES_PER_COMMIT})`).run();
}
