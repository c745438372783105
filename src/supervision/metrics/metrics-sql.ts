import type { Dialect } from '../../database/sql';

export interface MetricsSql {
  slot(column: string): string;
  seconds(later: string, earlier: string): string;
  median(d: string): string;
  p90(d: string): string;
}

const SQLITE: MetricsSql = {
  slot: (c) => `substr(${c}, 1, 14) || printf('%02d', (CAST(substr(${c}, 15, 2) AS INTEGER) / 15) * 15)`,
  seconds: (later, earlier) => `(unixepoch(${later}, 'subsec') - unixepoch(${earlier}, 'subsec'))`,
  median: (d) => `median(${d})`,
  p90: (d) => `percentile_cont(${d}, 0.9)`,
};

const utc = (c: string) => `(${c} AT TIME ZONE 'UTC')`;

const POSTGRES: MetricsSql = {
  slot: (c) => `to_char(date_trunc('hour', ${utc(c)}) + (EXTRACT(MINUTE FROM ${utc(c)})::integer / 15) * interval '15 minutes', 'YYYY-MM-DD HH24:MI')`,
  seconds: (later, earlier) => `EXTRACT(EPOCH FROM (${later} - ${earlier}))::double precision`,
  median: (d) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${d})`,
  p90: (d) => `percentile_cont(0.9) WITHIN GROUP (ORDER BY ${d})`,
};

export const metricsSql = (dialect: Dialect): MetricsSql => (dialect === 'postgres' ? POSTGRES : SQLITE);
