// e2e: no server
// First-load budgets of the two entries (gzip): admin ≤ 700 KB, member H5 /m ≤ 250 KB.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';

type Chunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };
const DIST = path.resolve(process.env.LIANGQI_WEB_DIST ?? 'web/dist');
const manifest: Record<string, Chunk> = JSON.parse(readFileSync(path.join(DIST, '.vite/manifest.json'), 'utf8'));

/** Files a browser fetches for these chunks: each chunk, its static imports and their CSS (no lazy imports). */
function firstLoad(keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const c = manifest[key];
    if (!c) throw new Error(`manifest has no ${key}`);
    files.add(c.file);
    for (const css of c.css ?? []) files.add(css);
    for (const i of c.imports ?? []) walk(i);
  };
  keys.forEach(walk);
  return files;
}

function gzipKb(files: Set<string>): number {
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(path.join(DIST, f))).length;
  return Math.round(bytes / 1024);
}

describe('前端首屏体积（gzip）', () => {
  test('管理端：入口 + 工作台 ≤ 700 KB', () => {
    const kb = gzipKb(firstLoad(['index.html', 'src/features/dashboard/pages/home-page.tsx']));
    console.log(`admin first load: ${kb} KB gzip`);
    expect(kb).toBeLessThanOrEqual(700);
  });

  test('党员之家 /m ≤ 250 KB，且不加载 antd', () => {
    const files = firstLoad(['m/index.html']);
    const kb = gzipKb(files);
    console.log(`/m first load: ${kb} KB gzip`);
    expect(kb).toBeLessThanOrEqual(250);
    // antd's design tokens are in every build that bundles antd's theme
    const withAntd = [...files].filter((f) => readFileSync(path.join(DIST, f), 'utf8').includes('colorPrimaryBg'));
    expect(withAntd).toEqual([]);
  });
});
