// Writes bench/results/latest.json (the shape), latest.md and a dated history copy; returns the table.

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { rounded, type ScenarioResult } from './scenarios/result.ts';

const dir = path.resolve('bench/results');

/** The Markdown table of a run. */
export function table(rows: ScenarioResult[]): string {
  const f = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
  const lines = [
    '| id | db | scale | rps | p50 ms | p95 ms | p99 ms | errors | RSS MB | ceiling rps | ratio | note |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.id} | ${r.db} | ${r.scale} | ${f(r.rps)} | ${f(r.p50_ms)} | ${f(r.p95_ms)} | ${f(r.p99_ms)} | ${r.errors} | ${f(r.rss_mb)} | ${f(r.ceiling_rps)} | ${f(r.ratio)} | ${r.note ?? ''} |`,
    ),
  ];
  return lines.join('\n');
}

/** Saves the run; `label` ('quick' or the scale) goes into the history file name. */
export function save(rows: ScenarioResult[], label: string, at = new Date()) {
  const scenarios = rows.map(rounded);
  const doc = {
    at: at.toISOString(),
    machine: { cpus: cpus().length, node: process.version, cpu: cpus()[0]?.model ?? '' },
    run: label,
    scenarios,
  };
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  const md = `# 亮旗 bench — ${doc.at} (${label}, ${doc.machine.cpus} CPUs, Node ${doc.machine.node})\n\n${table(scenarios)}\n`;
  writeFileSync(path.join(dir, 'latest.json'), json);
  writeFileSync(path.join(dir, 'latest.md'), md);
  const stamp = doc.at.slice(0, 16).replace(/[:T]/g, '-');
  writeFileSync(path.join(dir, `${stamp}-${label}.json`), json);
  return md;
}
