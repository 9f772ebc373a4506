import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CockpitOutT } from '../../../common/cockpit.ts';
import { type Agent, buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildMembers, buildOrg, loginAs } from '../../test/factories.ts';
import { topicIn } from '../meeting/meeting.factory.ts';
import { buildTerm, planVia } from '../meeting/meeting.fixtures.ts';
import { meetings } from '../meeting/meeting.table.ts';
import { firstTopics } from '../meeting/topic.table.ts';
import { memberInput } from '../member/member.factory.ts';
import { checkCockpitRollups } from './cockpit.fixtures.ts';

let t: TestApp;
let sasac: Agent;
type Org = Awaited<ReturnType<typeof buildOrg>>;
let E1: Org;
let B1: Org;
let G1: Org;
let B2: Org;
let E2: Org;
let B3: Org;

beforeAll(async () => {
  t = await buildTestApp();
  sasac = await loginAs(t, 'sasac_staff', t.rootId);
  E1 = await buildOrg(t, { type: 'committee', isEnterprise: true, name: '州交投集团党委' });
  B1 = await buildOrg(t, { parentId: E1.id, type: 'branch', name: '阜康匝道收费站党支部' });
  G1 = await buildOrg(t, { parentId: B1.id, type: 'group', name: '收费一班党小组' });
  B2 = await buildOrg(t, { parentId: E1.id, type: 'branch', name: '养护站党支部' });
  E2 = await buildOrg(t, { type: 'committee', isEnterprise: true, name: '州园林宾馆党委' });
  B3 = await buildOrg(t, { parentId: E2.id, type: 'branch', name: '客房部党支部' });
});
afterAll(() => t.close());

/** The maintained roll-ups equal a full recomputation (which the check then leaves in place). */
async function expectConsistent() {
  const { maintained, rebuilt } = await checkCockpitRollups(t.db);
  expect(maintained.totals).toEqual(rebuilt.totals);
  expect(maintained.own).toEqual(rebuilt.own);
  expect(maintained.monthly).toEqual(rebuilt.monthly);
}

async function cockpit(a: Agent, query = ''): Promise<CockpitOutT> {
  const res = await a.get(`/api/cockpit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Plans a meeting through the API and holds it (the fake clock is past its start). */
async function hold(orgId: string, type: string, startsAt: string, firstTopic = false) {
  const m = await planVia(sasac, { orgId, type, startsAt });
  if (firstTopic) {
    const topicId = await topicIn(t, t.rootId);
    await t.db.update(firstTopics).set({ pushedAt: t.clock() }).where(eq(firstTopics.id, topicId));
    const res = await sasac.put(`/api/meetings/${m.id}/agenda`, {
      items: [
        { kind: 'first_topic', title: '学习习近平总书记重要讲话精神', topicId, form: '集中学习', summary: '原文领学' },
        { kind: 'regular', title: '研究安全生产工作' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const held = await sasac.post(`/api/meetings/${m.id}/hold`);
  expect(held.statusCode, held.body).toBe(200);
  return m.id;
}

describe('cockpit roll-ups stay equal to a full recomputation through real writes', () => {
  it('members, meetings, 第一议题, study, transfers, an org move and cancellations', async () => {
    const b1People = await buildMembers(t, B1.id, 4);
    await buildMembers(t, G1.id, 2, { category: 'probationary' });
    const b2People = await buildMembers(t, B2.id, 3);
    await buildMembers(t, B3.id, 2);
    const created = await sasac.post('/api/members', memberInput(B3.id, { category: 'probationary', fullMemberOn: undefined }));
    expect(created.statusCode, created.body).toBe(201);
    await expectConsistent();

    await hold(B1.id, 'members_assembly', '2026-01-10T09:00:00+08:00', true);
    await hold(B1.id, 'party_lecture', '2026-01-20T09:00:00+08:00');
    await hold(B1.id, 'theme_day', '2026-02-05T09:00:00+08:00', true);
    await hold(G1.id, 'group_meeting', '2026-01-15T09:00:00+08:00');
    await hold(G1.id, 'group_meeting', '2026-02-15T09:00:00+08:00');
    await buildTerm(
      t,
      B2.id,
      b2People.map((p) => p.id),
    );
    const b2Meeting = await hold(B2.id, 'branch_committee', '2026-02-10T09:00:00+08:00', true);
    const planned = await planVia(sasac, { orgId: B3.id, type: 'members_assembly', startsAt: '2026-03-20T09:00:00+08:00' });
    await expectConsistent();

    const rec = await sasac.post('/api/study/records', {
      orgId: B2.id,
      form: 'centralized_training',
      title: '学习党的二十大精神',
      occurredOn: '2026-02-12',
      minutes: 90,
      attendeeIds: b2People.map((p) => p.id),
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const rec2 = await sasac.post('/api/study/records', {
      orgId: B1.id,
      form: 'centralized_training',
      title: '学习“第一议题”制度',
      occurredOn: '2026-01-08',
      minutes: 60,
      attendeeIds: b1People.slice(0, 2).map((p) => p.id),
    });
    expect(rec2.statusCode, rec2.body).toBe(201);
    await expectConsistent();

    let f = await cockpit(sasac, '?year=2026');
    expect(f.org.id).toBe(t.rootId);
    expect(f.headline.members).toEqual({ full: 9, probationary: 3, total: 12 });
    expect(f.headline.orgs).toEqual({ committee: 3, general_branch: 0, branch: 3, group: 1 });
    expect(f.headline.meetings).toMatchObject({
      members_assembly: 1,
      party_lecture: 1,
      theme_day: 1,
      group_meeting: 2,
      branch_committee: 1,
    });
    expect(f.headline.threeOneMeetings).toBe(5);
    expect(f.headline.firstTopics).toBe(3);
    expect(f.headline.studyHours).toBe(6.5); // 90 min × 3 + 60 min × 2
    expect(f.headline.studyHoursPerMember).toBe(0.54);
    expect(f.monthly[0]).toEqual({ month: 1, meetings: 3, threeOneMeetings: 3, studyHours: 2, firstTopics: 1 });
    expect(f.monthly[1]).toEqual({ month: 2, meetings: 3, threeOneMeetings: 2, studyHours: 4.5, firstTopics: 2 });
    const e1 = f.children.find((c) => c.org.id === E1.id);
    expect(e1).toMatchObject({ members: 9, branches: 2, meetings: 6, firstTopics: 3, studyHours: 6.5 });
    expect(f.children.find((c) => c.org.id === E2.id)).toMatchObject({ members: 3, branches: 1, meetings: 0 });

    // a transfer in progress, then confirmed into the other enterprise
    const tr = await sasac.post('/api/transfers', { memberId: b1People[3].id, toOrgId: B3.id, reason: '工作调动' });
    expect(tr.statusCode, tr.body).toBe(201);
    expect((await cockpit(sasac, `?orgId=${E1.id}`)).headline.transfersOpen).toBe(1);
    await expectConsistent();
    expect((await sasac.post(`/api/transfers/${tr.json().id}/confirm`, { note: '已报到' })).statusCode).toBe(200);
    await expectConsistent();

    // move 养护站党支部 with its meetings and study from 州交投集团 to 州园林宾馆
    const moved = await sasac.patch(`/api/orgs/${B2.id}`, { parentId: E2.id });
    expect(moved.statusCode, moved.body).toBe(200);
    await expectConsistent();

    // cancel a planned meeting; and writes that bypass the services: a held meeting deleted, another set back
    expect((await sasac.delete(`/api/meetings/${planned.id}?reason=${encodeURIComponent('工作冲突改期')}`)).statusCode).toBe(204);
    await t.db.delete(meetings).where(eq(meetings.id, b2Meeting));
    await t.db.execute(sql`update meetings set status = 'cancelled' where org_id = ${G1.id} and starts_at < '2026-02-01'`);
    expect((await sasac.delete(`/api/study/records/${rec2.json().id}`)).statusCode).toBe(204);
    await expectConsistent();

    f = await cockpit(sasac, '?year=2026');
    expect(f.headline.meetings).toMatchObject({ group_meeting: 1, branch_committee: 0 });
    expect(f.headline.firstTopics).toBe(2);
    expect(f.headline.studyHours).toBe(4.5);
    expect(f.children.find((c) => c.org.id === E1.id)).toMatchObject({ members: 5, branches: 1, studyHours: 0, transfersOpen: 0 });
    expect(f.children.find((c) => c.org.id === E2.id)).toMatchObject({ members: 7, branches: 2, studyHours: 4.5 });
  });

  it('counts the branches that met the 三会一课 frequency in the periods closed so far', async () => {
    // 2026-03-01: January and February have closed, no quarter yet. 收费一班 held its 党小组会 in February only now.
    let f = await cockpit(sasac, `?orgId=${E1.id}&year=2026`);
    expect(f.headline.threeOne).toEqual({ branches: 1, met: 0, rate: 0 });
    await hold(G1.id, 'group_meeting', '2026-01-16T09:00:00+08:00');
    f = await cockpit(sasac, `?orgId=${E1.id}&year=2026`);
    expect(f.headline.threeOne).toEqual({ branches: 1, met: 1, rate: 1 });
    expect(f.children[0]).toMatchObject({ org: { id: B1.id }, threeOneRate: 1 });
    // nothing has closed in a year that has not started
    expect((await cockpit(sasac, `?orgId=${E1.id}&year=2027`)).headline.threeOne.rate).toBeNull();
    // the whole of 2025 has closed with nothing held
    expect((await cockpit(sasac, '?year=2025')).headline.threeOne).toEqual({ branches: 3, met: 0, rate: 0 });
    await expectConsistent();
  });

  it('shows the establishment warnings and 五个好 figures of the subtree from the modules that own them', async () => {
    const f = await cockpit(sasac, `?orgId=${E2.id}&year=2026`);
    const direct = await sasac.get(`/api/orgs/warnings?orgId=${E2.id}`);
    const list = direct.json() as { level: string }[];
    expect(list.length).toBeGreaterThan(0); // 客房部党支部 has fewer than 3 full members, among others
    expect(f.headline.warnings).toMatchObject({
      total: list.length,
      error: list.filter((w) => w.level === 'error').length,
      warning: list.filter((w) => w.level === 'warning').length,
    });
    expect(f.headline.fivegood).toEqual({ campaign: null, byStatus: {}, named: 0 });
  });
});

describe('cockpit scope and export', () => {
  it('an enterprise user opens on their enterprise, drills into its branches and gets 404 outside it', async () => {
    const ent = await loginAs(t, 'enterprise_staff', E2.id);
    const f = await cockpit(ent);
    expect(f.org).toEqual({ id: E2.id, name: '州园林宾馆党委', type: 'committee' });
    expect(f.trail).toEqual([{ id: E2.id, name: '州园林宾馆党委' }]);
    expect(f.children.map((c) => c.org.id).sort()).toEqual([B2.id, B3.id].sort());
    const down = await cockpit(ent, `?orgId=${B2.id}`);
    expect(down.trail.map((x) => x.id)).toEqual([E2.id, B2.id]);
    for (const other of [E1.id, B1.id, t.rootId, crypto.randomUUID()]) {
      const res = await ent.get(`/api/cockpit?orgId=${other}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const sec = await loginAs(t, 'branch_secretary', B1.id);
    expect((await cockpit(sec)).org.id).toBe(B1.id);
    const admin = await loginAs(t, 'sys_admin', t.rootId);
    expect((await admin.get('/api/cockpit')).statusCode).toBe(403);
    expect((await sasac.get('/api/cockpit?year=20x6')).statusCode).toBe(400);
  });

  it('exports one row per child org and the total as a real xlsx', async () => {
    const res = await sasac.get('/api/cockpit/export?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell('A1').value)).toContain('2026年党建工作数据');
    expect(ws.getRow(2).values).toContain('三会一课达标率');
    const names = [3, 4, 5].map((r) => String(ws.getCell(`A${r}`).value));
    expect(names).toEqual(['州交投集团党委', '州园林宾馆党委', '合计（州国资委党委）']);
    expect(ws.getCell('C5').value).toBe(12);
  });
});
