import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { multipartBody, PNG } from './files.fixtures.ts';
import { files } from './files.table.ts';

const failAudit = vi.hoisted(() => ({ on: false }));
vi.mock('../audit/audit.service.ts', async (orig) => {
  const real = await orig<typeof import('../audit/audit.service.ts')>();
  return {
    ...real,
    audit: async (...args: Parameters<typeof real.audit>) => {
      if (failAudit.on && args[1].action === 'file.upload') throw new Error('audit store unavailable');
      return real.audit(...args);
    },
  };
});

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

function storedFiles(dir = t.env.filesDir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? storedFiles(p) : [p];
  });
}

describe('file row and bytes stay consistent', () => {
  it('when the transaction fails (here: its audit record), neither the row nor the file remains', async () => {
    const orgId = (await buildOrg(t, { type: 'committee' })).id;
    const staff = await loginAs(t, 'enterprise_staff', orgId);
    const send = () =>
      staff.inject({
        method: 'POST',
        url: '/api/files',
        ...multipartBody([
          { name: 'orgId', value: orgId },
          { name: 'file', filename: 'a.png', data: PNG },
        ]),
      });
    failAudit.on = true;
    const res = await send();
    failAudit.on = false;
    expect(res.statusCode).toBe(500);
    expect(res.json().message).not.toContain('audit store');
    expect(await t.db.select().from(files)).toHaveLength(0);
    expect(storedFiles()).toEqual([]);
    expect((await send()).statusCode).toBe(201);
    expect(storedFiles()).toHaveLength(1);
  });
});
