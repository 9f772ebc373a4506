import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../jobs.ts';
import { users } from '../../platform/auth/user.table.ts';
import { runDueJobs } from '../../platform/jobs/runner.ts';
import { buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { buildMember, makePhone } from './member.factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** A branch with its secretary, and a member who has an account linked to their record. */
async function branchWithMember(o: Parameters<typeof buildMember>[2] = {}) {
  const branch = await buildOrg(t, { type: 'branch' });
  const secretary = await loginAs(t, 'branch_secretary', branch.id);
  const m = await buildMember(t, branch.id, o);
  const u = await buildUser(t, { roles: [{ role: 'member', orgId: branch.id }] });
  await t.db.update(users).set({ memberId: m.id }).where(eq(users.id, u.id));
  return { branch, secretary, m, self: await login(t, u.username, TEST_PASSWORD), userId: u.id };
}

const notificationsOf = async (userId: string) =>
  (
    (await t.db.execute(sql`select kind, title from notifications where user_id = ${userId} order by created_at`)) as unknown as {
      rows: { kind: string; title: string }[];
    }
  ).rows;

describe("members' own view", () => {
  it('shows a member their own profile, masked, and nothing of anyone else', async () => {
    const { m, self } = await branchWithMember({ name: '古丽娜' });
    const me = await self.get('/api/me/member');
    expect(me.statusCode).toBe(200);
    expect(me.json().member.name).toBe('古丽娜');
    expect(me.body).not.toContain(m.idNumber);
    expect((await self.get(`/api/members/${m.id}`)).statusCode).toBe(403);
    expect((await self.get('/api/members')).statusCode).toBe(403);
  });

  it('a correction waits for the branch secretary; approval changes the record in one step, with history', async () => {
    const { m, self, secretary, userId } = await branchWithMember({ name: '王建华', education: '大学专科' });
    const phone = makePhone();
    const sent = await self.post('/api/me/member/corrections', { education: '大学本科', phone, reason: '已取得本科学历，手机号已更换' });
    expect(sent.statusCode).toBe(201);
    expect(sent.body).not.toContain(phone);
    expect((await self.post('/api/me/member/corrections', { position: '党员', reason: '再次提交' })).statusCode).toBe(409);
    expect((await secretary.get(`/api/members/${m.id}`)).json().education).toBe('大学专科');

    const pending = (await secretary.get('/api/members/corrections')).json();
    expect(pending).toHaveLength(1);
    expect(pending[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'education', label: '学历', from: '大学专科', to: '大学本科' },
        expect.objectContaining({ field: 'phone' }),
      ]),
    );
    const ok = await secretary.post(`/api/members/corrections/${pending[0].id}/approve`, {});
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('approved');
    const after = (await secretary.get(`/api/members/${m.id}`)).json();
    expect(after.education).toBe('大学本科');
    expect(after.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect((await secretary.post(`/api/members/${m.id}/unmask`)).json().phone).toBe(phone);
    expect((await secretary.post(`/api/members/corrections/${pending[0].id}/approve`, {})).statusCode).toBe(409);
    const history = (await secretary.get(`/api/members/${m.id}/history`)).json();
    expect(history[0].actionLabel).toBe('本人更正（审核通过）');
    expect((await notificationsOf(userId)).map((n) => n.title)).toContain('您的个人信息更正申请已通过');
    expect((await secretary.get('/api/members/corrections')).json()).toHaveLength(0);
  });

  it('a rejection needs a reason and changes nothing; another branch cannot see or decide the request', async () => {
    const { m, self, secretary } = await branchWithMember({ name: '李明' });
    const other = await branchWithMember();
    const r = (await self.post('/api/me/member/corrections', { name: '李明明', reason: '户籍姓名变更' })).json();
    expect((await other.secretary.get('/api/members/corrections')).json()).toHaveLength(0);
    expect((await other.secretary.post(`/api/members/corrections/${r.id}/approve`, {})).statusCode).toBe(404);
    expect((await secretary.post(`/api/members/corrections/${r.id}/reject`, {})).statusCode).toBe(400);
    const no = await secretary.post(`/api/members/corrections/${r.id}/reject`, { note: '请提供户籍证明' });
    expect(no.json().status).toBe('rejected');
    expect((await secretary.get(`/api/members/${m.id}`)).json().name).toBe('李明');
    expect((await self.get('/api/me/member')).json().requests[0]).toMatchObject({ status: 'rejected', decisionNote: '请提供户籍证明' });
  });
});

describe('probation', () => {
  it('shows the due date and reminds the branch secretary 30 days before, once', async () => {
    t.clock.set('2026-03-01T09:00:00+08:00');
    const branch = await buildOrg(t, { type: 'branch' });
    const sec = await buildUser(t, { roles: [{ role: 'branch_secretary', orgId: branch.id }] });
    const m = await buildMember(t, branch.id, { name: '阿依古丽', category: 'probationary', joinedOn: '2025-04-15', fullMemberOn: null });
    const secretary = await login(t, sec.username, TEST_PASSWORD);
    expect((await secretary.get(`/api/members/${m.id}`)).json().probationDueOn).toBe('2026-04-15');
    await runDueJobs(t.db, t.env, jobs, ['member.probation-reminder']);
    expect(await notificationsOf(sec.id)).toEqual([]);
    t.clock.set('2026-03-16T09:00:00+08:00');
    await runDueJobs(t.db, t.env, jobs, ['member.probation-reminder']);
    t.clock.set('2026-03-17T09:00:00+08:00');
    await runDueJobs(t.db, t.env, jobs, ['member.probation-reminder']);
    expect(await notificationsOf(sec.id)).toEqual([
      { kind: 'member.probation-due', title: '预备党员阿依古丽的预备期将于 2026-04-15 届满' },
    ]);
  });
});
