import type { Database } from 'better-sqlite3';
import { prepared } from './prepared-statements';

/**
 * The full-text index (FTS5, migrations/1764400000000-history-search.ts) is a stack of segments,
 * one more per commit that indexed anything, which FTS5 merges as they pile up. Left to FTS5
 * (automerge), a merge is done inside whichever commit finds a level full: at a steady 2,000
 * messages a second that held a commit for 20 to 30 ms every few seconds, often several in a row,
 * and every message behind it waited (bench/README.md). Automerge is off
 * (migrations/1764600000000-search-index-merge-steps.ts); instead every commit that stores chat
 * messages merges at most this many pages (about 4 KB each), a few milliseconds at most. It merges
 * only where a level holds several segments, so it costs next to nothing when there is nothing to
 * merge, and it keeps the index as compact as automerge did.
 */
export const MERGE_PAGES_PER_COMMIT = 32;

export function mergeSearchIndexStep(db: Database): void {
  prepared(db, `INSERT INTO search_index (search_index, rank) VALUES ('merge', ${MERGE_PAGES_PER_COMMIT})`).run();
}
