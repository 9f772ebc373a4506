// B9: gzip bytes of the first load of the member H5 (/m) and the admin app, from the vite build manifest: the
// entry chunk, its static imports (transitively) and their CSS; lazy routes are not part of the first load.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

type Chunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };

/** Gzip KB of one entry's first load. */
export function firstLoadKb(dist: string, manifest: Record<string, Chunk>, entry: string): number {
  const files = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || files.has(c.file)) return;
    files.add(c.file);
    for (const css of c.css ?? []) files.add(css);
    for (const i of c.imports ?? []) visit(i);
  };
  visit(entry);
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length;
  return Math.round(bytes / 102.4) / 10;
}

/** Measures the existing web/dist build, or builds into a temp dir when there is none or `fresh` is asked. */
export function b9(fresh: boolean): { mKb: number; adminKb: number; source: string } {
  let dist = path.resolve('web/dist');
  let tmp: string | null = null;
  if (fresh || !existsSync(path.join(dist, '.vite/manifest.json'))) {
    tmp = mkdtempSync(path.join(tmpdir(), 'liangqi-bench-web-'));
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', tmp, '--emptyOutDir'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
    dist = tmp;
  }
  try {
    const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
    return {
      mKb: firstLoadKb(dist, manifest, 'm/index.html'),
      adminKb: firstLoadKb(dist, manifest, 'index.html'),
      source: tmp ? 'fresh build' : 'web/dist',
    };
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
