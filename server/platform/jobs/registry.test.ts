import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobs } from '../../jobs.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('daily job registry', () => {
  it('runs every job the code defines: none missing from a module manifest or platform.jobs.ts', () => {
    const defined = sources('server').flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/:\s*Job\s*=\s*\{\s*name:\s*'([^']+)'/g)].map((m) => m[1]),
    );
    expect(defined.length).toBeGreaterThan(5);
    expect(defined.filter((n) => !jobs.some((j) => j.name === n))).toEqual([]);
    expect(new Set(jobs.map((j) => j.name)).size).toBe(jobs.length);
  });
});
