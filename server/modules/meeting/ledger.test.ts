import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { days } from '../../platform/clock.ts';
import { type Agent, buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildMembers, buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { planVia } from './meeting.fixtures.ts';
import { remindFollowUps } from './meeting.jobs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** A held meeting whose item 1 relays `topicId` (or a plain meeting without a 第一议题 when topicId is null). */
async function heldWithTopic(a: Agent, orgId: string, type: string, startsAt: string, topicId: string | null) {
  const [p] = await buildMembers(t, orgId, 1);
  const m = await planVia(a, { orgId, type, startsAt, attendeeIds: [p.id], title: `${startsAt.slice(0, 10)}会议` });
  if (topicId)
    await a.put(`/api/meetings/${m.id}/agenda`, {
      items: [{ kind: 'first_topic', title: '学习', topicId, form: '原文领学', summary: '逐段学习' }],
    });
  const held = await a.post(`/api/meetings/${m.id}/hold`);
  if (held.statusCode !== 200) throw new Error(held.body);
  return m.id;
}

describe('第一议题 ledger and follow-ups', () => {
  it('rolls up SASAC → enterprise → branch with lag days, flags late relays, lists branches not reached, and exports to Excel', async () => {
    const sasac = await loginAs(t, 'sasac_staff', t.rootId);
    const e1 = await buildOrg(t, { type: 'committee', isEnterprise: true, name: '州交投集团党委' });
    const e2 = await buildOrg(t, { type: 'committee', isEnterprise: true, name: '州园林宾馆党委' });
    const b1 = await buildOrg(t, { parentId: e1.id, type: 'branch', name: '阜康匝道收费站党支部' });
    const b2 = await buildOrg(t, { parentId: e1.id, type: 'branch', name: '昌吉东收费站党支部' });
    const b3 = await buildOrg(t, { parentId: e2.id, type: 'branch', name: '客房部党支部' });
    const topic = (
      await sasac.post('/api/first-topics', {
        orgId: t.rootId,
        title: '习近平总书记重要讲话精神',
        source: '重要讲话',
        publishedOn: '2026-02-20',
      })
    ).json();
    await sasac.post(`/api/first-topics/${topic.id}/push`);

    await heldWithTopic(sasac, e1.id, 'committee_meeting', '2026-02-25T09:00:00+08:00', topic.id);
    await heldWithTopic(sasac, b1.id, 'theme_day', '2026-02-26T09:00:00+08:00', null);
    await heldWithTopic(sasac, b1.id, 'branch_committee', '2026-03-01T07:00:00+08:00', topic.id);
    await heldWithTopic(sasac, b3.id, 'members_assembly', '2026-02-28T09:00:00+08:00', topic.id);

    const all = (await sasac.get(`/api/first-topic-ledger?orgId=${t.rootId}&year=2026`)).json();
    expect(all.total.studies).toBe(3);
    const byName = Object.fromEntries(all.children.map((c: { name: string }) => [c.name, c]));
    expect(byName.州交投集团党委.studies).toBe(2);
    expect(byName.州园林宾馆党委.studies).toBe(1);
    expect(all.children.reduce((s: number, c: { studies: number }) => s + c.studies, 0) + all.own.studies).toBe(all.total.studies);

    const ent = (await sasac.get(`/api/first-topic-ledger?orgId=${e1.id}&year=2026`)).json();
    expect(ent.own.studies).toBe(1);
    expect(ent.children.map((c: { name: string; studies: number }) => [c.name, c.studies]).sort()).toEqual([
      ['昌吉东收费站党支部', 0],
      ['阜康匝道收费站党支部', 1],
    ]);
    const lag = Object.fromEntries(
      ent.rows.map((r: { orgName: string; lagDays: number; timely: boolean }) => [r.orgName, [r.lagDays, r.timely]]),
    );
    expect(lag.州交投集团党委).toEqual([5, true]);
    // 阜康 held a 主题党日 on 2-26 without relaying the topic, so its 3-01 relay is not 第一时间
    expect(lag.阜康匝道收费站党支部).toEqual([9, false]);
    expect(ent.unreached).toHaveLength(1);
    expect(ent.unreached[0].orgs.map((o: { name: string }) => o.name)).toEqual(['昌吉东收费站党支部']);
    expect(all.unreached[0].orgs.map((o: { id: string }) => o.id).sort()).toEqual([b2.id].sort());

    const branchView = await loginAs(t, 'branch_secretary', b1.id);
    expect((await branchView.get(`/api/first-topic-ledger?orgId=${e1.id}&year=2026`)).statusCode).toBe(404);
    expect((await branchView.get(`/api/first-topic-ledger?orgId=${b1.id}&year=2026`)).json().total.studies).toBe(1);

    const xl = await sasac.get(`/api/first-topic-ledger/export?orgId=${e1.id}&year=2026`);
    expect(xl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xl.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain('习近平总书记重要讲话精神');
    expect(text).toContain('阜康匝道收费站党支部');
    expect(text).toContain('间隔天数');
    void b3;
  });

  it('follow-up measures are reminded before the deadline, supervised by the upper org when overdue, and need a result to close', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const clerk = await buildUser(t, { roles: [{ role: 'sasac_staff', orgId: t.rootId }] });
    const topic = (
      await staff.post('/api/first-topics', {
        orgId: ent.id,
        title: '党的二十届四中全会精神',
        source: '重大会议精神',
        publishedOn: '2026-02-27',
      })
    ).json();
    const plain = await heldWithTopic(staff, ent.id, 'committee_meeting', '2026-02-28T09:00:00+08:00', null);
    const noTopic = await staff.post(`/api/meetings/${plain}/follow-ups`, {
      measure: '制定学习计划',
      ownerName: '张三',
      deadline: '2026-03-10',
    });
    expect(noTopic.statusCode).toBe(400);
    const mid = await heldWithTopic(staff, ent.id, 'committee_meeting', '2026-02-28T10:00:00+08:00', topic.id);
    const soon = await staff.post(`/api/meetings/${mid}/follow-ups`, {
      measure: '各支部开展专题学习',
      ownerName: '李四',
      deadline: '2026-03-03',
    });
    expect(soon.statusCode).toBe(201);
    expect(soon.json().topicTitle).toBe('党的二十届四中全会精神');
    await staff.post(`/api/meetings/${mid}/follow-ups`, { measure: '形成落实清单报国资委', ownerName: '王五', deadline: '2026-03-30' });

    expect(await remindFollowUps(t.sys())).toBeGreaterThan(0);
    expect(await remindFollowUps(t.sys())).toBe(0);
    const inbox = JSON.stringify((await staff.get('/api/notifications')).json());
    expect(inbox).toContain('落实措施即将到期：各支部开展专题学习');
    expect(inbox).not.toContain('形成落实清单报国资委');

    t.clock.advance(days(4));
    await remindFollowUps(t.sys());
    const sasac2 = await login(t, clerk.username, TEST_PASSWORD);
    const sup = JSON.stringify((await sasac2.get('/api/notifications')).json());
    expect(sup).toContain('督办');
    expect(sup).toContain('各支部开展专题学习');

    const staff2 = await loginAs(t, 'enterprise_staff', ent.id);
    const overdue = (await staff2.get(`/api/follow-ups?orgId=${ent.id}&overdue=1`)).json();
    expect(overdue.map((f: { measure: string }) => f.measure)).toEqual(['各支部开展专题学习']);
    const id = soon.json().id;
    expect((await staff2.patch(`/api/follow-ups/${id}`, { status: 'done' })).statusCode).toBe(400);
    const done = await staff2.patch(`/api/follow-ups/${id}`, { status: 'done', result: '12个支部均已完成专题学习' });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
    const ledger = (await staff2.get(`/api/first-topic-ledger?orgId=${ent.id}&year=2026`)).json();
    expect(ledger.total).toMatchObject({ studies: 1, followUps: 2, followUpsDone: 1, followUpsOverdue: 0 });
  });

  it('counts only agenda item 1 as 第一议题; a topic relayed at a later position is flagged, not counted (domain §5.2)', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const branch = await buildOrg(t, { parentId: ent.id, type: 'branch', name: '后位传达党支部' });
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const topic = (
      await staff.post('/api/first-topics', { orgId: ent.id, title: '后位议题', source: '重要讲话', publishedOn: '2026-02-20' })
    ).json();
    await staff.post(`/api/first-topics/${topic.id}/push`);
    const [p] = await buildMembers(t, branch.id, 1);
    const m = await planVia(staff, { orgId: branch.id, type: 'theme_day', startsAt: '2026-02-26T09:00:00+08:00', attendeeIds: [p.id] });
    const agenda = await staff.put(`/api/meetings/${m.id}/agenda`, {
      items: [
        { kind: 'regular', title: '研究安全生产工作' },
        { kind: 'first_topic', title: '学习', topicId: topic.id, form: '原文领学', summary: '逐段学习' },
      ],
    });
    expect(agenda.statusCode, agenda.body).toBe(200);
    expect((await staff.post(`/api/meetings/${m.id}/hold`)).statusCode).toBe(200);

    const l = (await staff.get(`/api/first-topic-ledger?orgId=${ent.id}&year=2026`)).json();
    expect(l.total.studies).toBe(0);
    expect(l.total.misplaced).toBe(1);
    expect(l.rows).toHaveLength(1);
    expect(l.rows[0]).toMatchObject({ position: 2, counted: false, flag: '非第一议题位置' });
    expect(l.unreached[0].orgs.map((o: { name: string }) => o.name)).toEqual(['后位传达党支部']);
  });
});
