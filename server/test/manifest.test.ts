import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modules } from '../modules/index.ts';

const dirs = (root: string) => readdirSync(root).filter((n) => statSync(path.join(root, n)).isDirectory());

describe('the module and feature lists (docs/architecture.md)', () => {
  it('every folder under server/modules has its <m>.module.ts and one line in server/modules/index.ts', () => {
    const folders = dirs('server/modules').sort();
    for (const m of folders) expect(existsSync(`server/modules/${m}/${m}.module.ts`), m).toBe(true);
    expect(modules.map((m) => m.name).sort()).toEqual(folders);
  });

  it('every folder under web/src/features has its <f>.feature.ts and one line in web/src/features/index.ts', () => {
    const list = readFileSync('web/src/features/index.ts', 'utf8');
    for (const f of dirs('web/src/features')) {
      expect(existsSync(`web/src/features/${f}/${f}.feature.ts`), f).toBe(true);
      expect(list, f).toContain(`from './${f}/${f}.feature.ts'`);
      expect(readFileSync(`web/src/features/${f}/${f}.feature.ts`, 'utf8'), f).toContain(`name: '${f}'`);
    }
  });
});
