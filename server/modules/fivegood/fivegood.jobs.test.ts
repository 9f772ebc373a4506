import { asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../jobs.ts';
import { days } from '../../platform/clock.ts';
import { runDueJobs } from '../../platform/jobs/runner.ts';
import { notifications } from '../../platform/notify/notify.table.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, buildUser } from '../../test/factories.ts';
import { assessmentIn } from './fivegood.factory.ts';
import { fivegoodAssessments } from './fivegood.table.ts';
import { fivegoodRectifications } from './rating.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const JOB = ['fivegood-step-reminders'];
const run = () => runDueJobs(t.db, t.env, jobs, JOB);
const inbox = async (userId: string) =>
  (
    await t.db
      .select({ kind: notifications.kind, title: notifications.title, level: notifications.level })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(asc(notifications.createdAt), asc(notifications.title))
  ).filter((n) => n.kind.startsWith('fivegood_'));

describe('"五个好"督办提醒', () => {
  it('reminds the branch of its self-assessment from 3 days before the deadline, then once overdue, never twice', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true, name: '州交投集团党委（督办）' });
    const { branchId } = await assessmentIn(t, ent.id, { status: 'draft' });
    const sec = await buildUser(t, { roles: [{ role: 'branch_secretary', orgId: branchId }] });
    t.clock.set('2026-12-27T09:00:00+08:00'); // self-assessment deadline 2026-12-31
    await run();
    expect(await inbox(sec.id)).toEqual([]);
    t.clock.set('2026-12-28T09:00:00+08:00');
    await run();
    await run();
    t.clock.set('2027-01-01T09:00:00+08:00');
    await run();
    expect((await inbox(sec.id)).map((n) => [n.kind, n.level])).toEqual([
      ['fivegood_step_due', 'warning'],
      ['fivegood_step_overdue', 'urgent'],
    ]);
    expect((await inbox(sec.id))[0].title).toContain('"支部自评并提交"将于 2026-12-31 截止');
  });

  it('tells each enterprise reviewer once with the count of branches waiting, not once per branch', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true, name: '州园林宾馆党委（督办）' });
    const other = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const staff = await buildUser(t, { roles: [{ role: 'enterprise_staff', orgId: ent.id }] });
    const elsewhere = await buildUser(t, { roles: [{ role: 'enterprise_staff', orgId: other.id }] });
    const first = await assessmentIn(t, ent.id, { status: 'submitted', campaignOrgId: ent.id });
    for (let i = 0; i < 3; i++) {
      const b = await buildOrg(t, { parentId: ent.id, type: 'branch' });
      await t.db
        .insert(fivegoodAssessments)
        .values({ campaignId: first.campaignId, orgId: b.id, status: 'submitted', history: [], updatedAt: t.clock() });
    }
    t.clock.set('2027-01-21T09:00:00+08:00'); // enterprise review deadline 2027-01-20
    await run();
    const got = await inbox(staff.id);
    expect(got.map((n) => n.kind)).toEqual(['fivegood_step_overdue']);
    expect(got[0].title).toMatch(/^4 个支部（.+等）"企业党委考评"已超过截止日期 2027-01-20$/);
    expect(await inbox(elsewhere.id)).toEqual([]);
  });

  it('reminds open 整改 items a week before their deadline and when overdue, and stops once closed', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const br = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const sec = await buildUser(t, { roles: [{ role: 'branch_secretary', orgId: br.id }] });
    const [r] = await t.db
      .insert(fivegoodRectifications)
      .values({ orgId: br.id, item: '党员活动室制度上墙（督办）', owner: '组织委员', deadline: '2027-05-10', createdAt: t.clock() })
      .returning();
    t.clock.set('2027-05-02T09:00:00+08:00');
    await run();
    expect(await inbox(sec.id)).toEqual([]);
    t.clock.advance(days(1));
    await run();
    expect((await inbox(sec.id)).map((n) => n.kind)).toEqual(['fivegood_rectify_due']);
    await t.db.update(fivegoodRectifications).set({ status: 'closed' }).where(eq(fivegoodRectifications.id, r.id));
    t.clock.set('2027-05-12T09:00:00+08:00');
    await run();
    expect((await inbox(sec.id)).map((n) => n.kind)).toEqual(['fivegood_rectify_due']);
    expect(
      await t.db
        .select()
        .from(notifications)
        .where(like(notifications.dedupeKey, `fivegood-rectify:${r.id}%`)),
    ).toHaveLength(1);
  });
});
