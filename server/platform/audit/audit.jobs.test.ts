import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { days } from '../clock.ts';
import { runDueJobs } from '../jobs/runner.ts';
import { platformJobs } from '../platform.jobs.ts';
import { purgeAudit } from './audit.jobs.ts';
import { verifyAuditChain } from './audit.service.ts';
import { auditLog } from './audit.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('audit retention', () => {
  it('the daily job deletes records older than the retention period only, audits the purge and the chain still verifies', async () => {
    const staff = await loginAs(t, 'sasac_staff', t.rootId);
    const old = await buildOrg(t, { type: 'committee' });
    await staff.patch(`/api/orgs/${old.id}`, { name: '一年前改名的党委' });
    const before = (await t.db.select().from(auditLog)).length;
    t.clock.advance(days(200));
    const recent = await loginAs(t, 'sasac_staff', t.rootId);
    await recent.patch(`/api/orgs/${old.id}`, { name: '半年前改名的党委' });
    t.clock.advance(days(166));

    expect((await runDueJobs(t.db, t.env, platformJobs, ['audit.retention']))['audit.retention']).toBe(`deleted ${before}`);
    const left = await t.db.select().from(auditLog).orderBy(auditLog.id);
    expect(left.every((r) => r.at.getTime() >= t.clock().getTime() - days(365))).toBe(true);
    expect(left.some((r) => r.action === 'org.update')).toBe(true);
    expect(left.at(-1)).toMatchObject({ action: 'audit.purge', detail: { deleted: before, retentionDays: 365 } });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, brokenAt: null });
  });

  it('refuses a retention under 184 days and deletes nothing', async () => {
    const count = (await t.db.select().from(auditLog)).length;
    t.clock.advance(days(400));
    await expect(purgeAudit(t.sys(), 183)).rejects.toThrow('不得少于 184 天');
    expect(await t.db.select().from(auditLog)).toHaveLength(count);
  });
});
