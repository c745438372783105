import { SEARCH_TERMS } from '../../database/migrations/1765200000000-history-prefix-search';

// An OR of this many whole terms still reads in a few ms (bench/README.md); beyond it the prefix goes to FTS5 as it is.
export const MAX_PREFIX_TERMS = 200;
// Below this many occurrences FTS5's own prefix merge is cheaper than opening one reader per term (`sjelden*`: 0.3 ms against 5).
export const FEW_OCCURRENCES = 2000;

const AFTER_EVERY_TERM = '\u{10FFFF}';

/**
 * The index's terms that start with a prefix, found by seeking from one term to the next: the `instance`
 * vocabulary is read lazily, while counting a term's documents (the `row` vocabulary) reads its whole list.
 * `|| char(1)` is the smallest string after a term that is not the term itself (terms hold no control characters).
 * `occurrences` counts the prefix's occurrences up to FEW_OCCURRENCES.
 */
export const PREFIX_TERMS_SQL = `WITH RECURSIVE found(term, n) AS (
    SELECT (SELECT term FROM ${SEARCH_TERMS} WHERE term >= ? LIMIT 1), 1
    UNION ALL
    SELECT (SELECT term FROM ${SEARCH_TERMS} WHERE term >= found.term || char(1) LIMIT 1), n + 1 FROM found
     WHERE found.term < ? AND n <= ?)
  SELECT term, (SELECT COUNT(*) FROM (SELECT 1 FROM ${SEARCH_TERMS} WHERE term >= ? AND term < ? LIMIT ${FEW_OCCURRENCES})) AS occurrences
    FROM found WHERE term >= ? AND term < ?`;

/** At most `max + 1` terms come back, so that one more than `max` says there are too many. */
export function prefixTermParams(prefix: string, max: number): unknown[] {
  const end = `${prefix}${AFTER_EVERY_TERM}`;
  return [prefix, end, max, prefix, end, prefix, end];
}

/** The whole terms to search instead of the prefix, or null to leave the prefix to FTS5 (none, rare, or too many). */
export function termsInstead(rows: { term: string; occurrences: number }[]): string[] | null {
  if (rows.length === 0 || rows.length > MAX_PREFIX_TERMS || rows[0]!.occurrences < FEW_OCCURRENCES) return null;
  return rows.map((row) => row.term);
}
