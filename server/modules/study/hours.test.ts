import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { committeeMembers, committees } from '../committee/committee.table.ts';
import { buildMember } from '../member/member.factory.ts';
import { memberAgent } from './study.factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-06-15T10:00:00+08:00');
});
afterAll(() => t.close());

const record = (orgId: string, attendeeIds: string[], o: Record<string, unknown> = {}) => ({
  orgId,
  form: 'centralized_training',
  title: '学习贯彻党的二十大精神',
  theme: 'twentieth_congress',
  occurredOn: '2026-03-10',
  minutes: 120,
  attendeeIds,
  ...o,
});

describe('study hours through the API', () => {
  it('sums every form for a member, applies caps and the minimum, and ignores other years', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const br = await buildOrg(t, { parentId: ent.id });
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const a = await memberAgent(t, br.id, '马晓梅');
    expect((await staff.post('/api/study/records', record(br.id, [a.memberId]))).statusCode).toBe(201);
    await staff.post(
      '/api/study/records',
      record(br.id, [a.memberId], { form: 'central_group_study', occurredOn: '2026-04-02', minutes: 90 }),
    );
    await staff.post('/api/study/records', record(br.id, [a.memberId], { occurredOn: '2025-12-31', minutes: 600 }));
    await staff.post('/api/study/records', record(br.id, [a.memberId], { occurredOn: '2026-05-20', span: 'full_day', minutes: 420 }));
    await staff.post('/api/study/records', record(br.id, [a.memberId], { form: 'team_micro_class', occurredOn: '2026-05-21', minutes: 5 }));
    for (let i = 1; i <= 3; i++) {
      const s = await a.post('/api/m/study/self-study', {
        title: `自学《习近平谈治国理政》第${i}卷`,
        occurredOn: `2026-06-0${i}`,
        minutes: 240,
        reflection: '深刻领会以人民为中心的发展思想，结合岗位抓好落实。',
      });
      expect(s.statusCode).toBe(201);
    }
    const h = (await a.get('/api/m/study/hours?year=2026')).json();
    expect(h.byForm).toMatchObject({ centralized_training: 10, central_group_study: 1.5, team_micro_class: 0, self_study: 8 });
    expect(h.hours).toBe(19.5);
    expect(h.requiredHours).toBe(32);
    expect(h.monthly[2]).toBe(2);
    expect((await a.get('/api/m/study/hours?year=2025')).json().hours).toBe(10);

    const org = (await staff.get(`/api/study/hours?orgId=${ent.id}&year=2026`)).json();
    expect(org.rows.find((r: { memberId: string }) => r.memberId === a.memberId)).toMatchObject({ hours: 19.5, met: false });
  });

  it('secretaries and committee members need 56 hours and a centralised training', async () => {
    const br = await buildOrg(t);
    const sec = await buildMember(t, br.id, { name: '李书记' });
    const plain = await buildMember(t, br.id, { name: '王党员' });
    const now = t.clock();
    const [c] = await t.db
      .insert(committees)
      .values({ orgId: br.id, electedOn: '2024-05-01', termYears: 3, termEndsOn: '2027-05-01', createdAt: now, updatedAt: now })
      .returning();
    await t.db.insert(committeeMembers).values({ committeeId: c.id, memberId: sec.id, duty: 'secretary' });
    const staff = await loginAs(t, 'branch_secretary', br.id);
    for (let m = 1; m <= 5; m++)
      await staff.post(
        '/api/study/records',
        record(br.id, [sec.id, plain.id], { form: 'meeting_study', occurredOn: `2026-0${m}-10`, minutes: 420 }),
      );
    const rows = (await staff.get(`/api/study/hours?orgId=${br.id}&year=2026`)).json().rows as {
      name: string;
      requiredHours: number;
      met: boolean;
      missingCentralized: boolean;
      hours: number;
    }[];
    expect(rows.find((r) => r.name === '王党员')).toMatchObject({ requiredHours: 32, met: true, hours: 35 });
    expect(rows.find((r) => r.name === '李书记')).toMatchObject({ requiredHours: 56, met: false, missingCentralized: true });
    const xlsx = await staff.get(`/api/study/hours/export?orgId=${br.id}&year=2026`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('shows who is behind pace and lets SASAC change what counts', async () => {
    const br = await buildOrg(t);
    const staff = await loginAs(t, 'branch_secretary', br.id);
    const m = await memberAgent(t, br.id);
    await staff.post(
      '/api/study/records',
      record(br.id, [m.memberId], { form: 'team_micro_class', occurredOn: '2026-06-01', minutes: 10 }),
    );
    const behind = (await staff.get(`/api/study/hours?orgId=${br.id}&year=2026&behindOnly=1`)).json();
    expect(behind.asOfMonth).toBe(6);
    const march = (await staff.get(`/api/study/hours?orgId=${br.id}&year=2026&month=3`)).json();
    expect(march.asOfMonth).toBe(3);
    expect(march.rows.find((r: { memberId: string }) => r.memberId === m.memberId)).toMatchObject({ behind: true });
    expect(behind.rows.map((r: { memberId: string }) => r.memberId)).toContain(m.memberId);
    expect((await m.get('/api/m/study/hours')).json().byForm.team_micro_class).toBe(0.2);

    const sasac = await loginAs(t, 'sasac_staff', t.rootId);
    const rules = (await sasac.get('/api/study/rules')).json();
    const forms = Object.fromEntries(
      Object.entries(rules.forms).map(([k, v]) => {
        const { name: _n, ...f } = v as { name: string };
        return [k, f];
      }),
    );
    forms.team_micro_class = { ...forms.team_micro_class, counts: false };
    expect((await staff.put('/api/study/rules', { memberHours: 32, leaderHours: 56, forms })).statusCode).toBe(403);
    const put = await sasac.put('/api/study/rules', { memberHours: 40, leaderHours: 56, forms });
    expect(put.statusCode).toBe(200);
    const after = (await m.get('/api/m/study/hours')).json();
    expect(after.byForm.team_micro_class).toBe(0);
    expect(after.requiredHours).toBe(40);
  });

  it('rolls up: an org equals the sum of its children plus its direct members', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const b1 = await buildOrg(t, { parentId: ent.id });
    const b2 = await buildOrg(t, { parentId: ent.id });
    const direct = await buildMember(t, ent.id);
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const m1 = await buildMember(t, b1.id);
    const m2 = await buildMember(t, b2.id);
    const m3 = await buildMember(t, b2.id);
    await staff.post('/api/study/records', record(b1.id, [m1.id], { minutes: 95 }));
    await staff.post('/api/study/records', record(b2.id, [m2.id, m3.id], { minutes: 47 }));
    await staff.post('/api/study/records', record(ent.id, [direct.id, m1.id], { form: 'central_group_study', minutes: 61 }));
    const r = (await staff.get(`/api/study/rollup?orgId=${ent.id}&year=2026`)).json();
    const kids = r.children as { minutes: number; members: number }[];
    expect(r.org.minutes).toBe(kids.reduce((s, c) => s + c.minutes, 0) + r.direct.minutes);
    expect(r.org.members).toBe(kids.reduce((s, c) => s + c.members, 0) + r.direct.members);
    expect(r.org.minutes).toBe(95 + 61 + 47 * 2 + 61);
    const sasac = await loginAs(t, 'sasac_staff', t.rootId);
    const top = (await sasac.get(`/api/study/rollup?orgId=${t.rootId}&year=2026`)).json();
    expect(top.org.minutes).toBe(top.children.reduce((s: number, c: { minutes: number }) => s + c.minutes, 0) + top.direct.minutes);
    const other = await loginAs(t, 'enterprise_staff', b1.id);
    expect((await other.get(`/api/study/rollup?orgId=${ent.id}&year=2026`)).statusCode).toBe(404);
  });
});
