/** One line of bench/results/latest.json, in the shape issue 7 gives. */
export type ScenarioResult = {
  id: string;
  db: 'postgres' | 'pglite';
  scale: 'prefecture' | 'region';
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  errors: number;
  rss_mb: number;
  ceiling_rps: number | null;
  ratio: number | null;
  /** what the figures mean for this scenario (not in the shape; printed in the table) */
  note?: string;
  /** B9: gzip KB of the first load */
  kb?: number;
};

const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;

/** Rounds a result's figures for the report. */
export function rounded(r: ScenarioResult): ScenarioResult {
  return {
    ...r,
    rps: r1(r.rps),
    p50_ms: r1(r.p50_ms),
    p95_ms: r1(r.p95_ms),
    p99_ms: r1(r.p99_ms),
    ceiling_rps: r.ceiling_rps === null ? null : r1(r.ceiling_rps),
    ratio: r.ratio === null ? null : r2(r.ratio),
  };
}
