import { SEARCH_TERMS } from '../../database/migrations/1765200000000-history-prefix-search';

// An OR of this many whole terms still reads in a few ms (bench/README.md); beyond it the prefix goes to FTS5 as it is.
export const MAX_PREFIX_TERMS = 200;

const AFTER_EVERY_TERM = '\u{10FFFF}';

/**
 * The index's terms that start with a prefix, found by seeking from one term to the next: the `instance`
 * vocabulary is read lazily, while counting a term's documents (the `row` vocabulary) reads its whole list.
 * `|| char(1)` is the smallest string after a term that is not the term itself (terms hold no control characters).
 */
export const PREFIX_TERMS_SQL = `WITH RECURSIVE found(term, n) AS (
    SELECT (SELECT term FROM ${SEARCH_TERMS} WHERE term >= ? LIMIT 1), 1
    UNION ALL
    SELECT (SELECT term FROM ${SEARCH_TERMS} WHERE term >= found.term || char(1) LIMIT 1), n + 1 FROM found
     WHERE found.term < ? AND n <= ?)
  SELECT term FROM found WHERE term >= ? AND term < ?`;

/** At most `max + 1` terms come back, so that one more than `max` says there are too many. */
export function prefixTermParams(prefix: string, max: number): unknown[] {
  const end = `${prefix}${AFTER_EVERY_TERM}`;
  return [prefix, end, max, prefix, end];
}
