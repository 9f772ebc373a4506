import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { type Actor, loadRoles, permissionsOf } from '../access/actor.ts';
import { days } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { runDueJobs } from '../jobs/runner.ts';
import { platformJobs } from '../platform.jobs.ts';
import { multipartBody, PDF, PNG } from './files.fixtures.ts';
import { attachFiles, listFiles } from './files.service.ts';

let t: TestApp;
let orgId: string;
let staff: Agent;

async function ctxOf(userId: string, username: string): Promise<Ctx> {
  const roles = await loadRoles(t.db, userId);
  const actor: Actor = {
    userId,
    username,
    name: username,
    memberId: null,
    roles,
    permissions: permissionsOf(roles),
    mustChangePassword: false,
    isAdmin: false,
  };
  return { ...t.sys(), actor };
}

beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await buildOrg(t, { type: 'committee' })).id;
  staff = await loginAs(t, 'enterprise_staff', orgId);
});
afterAll(() => t.close());

describe('files for later modules', () => {
  it('accepts the file part before the fields, then attaches uploads to a business object', async () => {
    const up = await staff.inject({
      method: 'POST',
      url: '/api/files',
      ...multipartBody([
        { name: 'file', filename: '签到表.pdf', data: PDF },
        { name: 'orgId', value: orgId },
      ]),
    });
    expect(up.statusCode, up.body).toBe(201);
    const second = await staff.inject({
      method: 'POST',
      url: '/api/files',
      ...multipartBody([
        { name: 'orgId', value: orgId },
        { name: 'file', filename: '照片.png', data: PNG },
      ]),
    });

    const u = await buildUser(t, { roles: [{ role: 'enterprise_staff', orgId }] });
    const ctx = await ctxOf(u.id, u.username);
    const owner = { ownerType: 'meeting', ownerId: crypto.randomUUID() };
    const attached = await attachFiles(ctx, [up.json().id, second.json().id], owner);
    expect(attached.map((f) => f.ownerId)).toEqual([owner.ownerId, owner.ownerId]);
    expect((await listFiles(ctx, owner)).map((f) => f.originalName).sort()).toEqual(['照片.png', '签到表.pdf']);
    expect((await staff.get(`/api/files?ownerType=meeting&ownerId=${owner.ownerId}`)).json()).toHaveLength(2);

    await expect(attachFiles(ctx, [up.json().id], { ownerType: 'meeting', ownerId: 'another' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const outsider = await buildUser(t, { roles: [{ role: 'enterprise_staff', orgId: (await buildOrg(t, { type: 'committee' })).id }] });
    await expect(attachFiles(await ctxOf(outsider.id, outsider.username), [up.json().id], owner)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a daily job clears upload temp files older than a day and leaves fresh ones', async () => {
    const dir = path.join(t.env.filesDir, 'tmp');
    mkdirSync(dir, { recursive: true });
    const old = path.join(dir, 'old.part');
    const fresh = path.join(dir, 'fresh.part');
    writeFileSync(old, 'x');
    writeFileSync(fresh, 'y');
    const now = t.clock();
    utimesSync(old, new Date(now.getTime() - days(2)), new Date(now.getTime() - days(2)));
    utimesSync(fresh, now, now);
    expect(await runDueJobs(t.db, t.env, platformJobs, ['files.tmp-cleanup'])).toEqual({ 'files.tmp-cleanup': 'removed 1' });
    expect(readdirSync(dir)).toEqual(['fresh.part']);
  });
});
