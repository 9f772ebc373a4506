import { eq, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orgs } from '../../platform/access/org.table.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { days } from '../../platform/clock.ts';
import { multipartBody, PNG } from '../../platform/files/files.fixtures.ts';
import type { Agent, TestApp } from '../../test/build-test-app.ts';
import { buildTestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { deadlinesOf, scoresFor } from './fivegood.factory.ts';
import { defaultRubric } from './rubric.yaml.ts';

let t: TestApp;
let sasac: Agent;
let ent1: Agent;
let ent2: Agent;
let sec: Record<string, Agent>;
let ids: Record<string, string>;
const R = defaultRubric();

// Each test starts from a fresh app and replays, through the API, the steps of the tests before it (`reach`), so
// the tests pass alone and in any order (`--sequence.shuffle`).
beforeEach(async () => {
  sec = {};
  ids = {};
  t = await buildTestApp();
  const e1 = await buildOrg(t, { name: '州交投集团党委', type: 'committee', isEnterprise: true });
  const e2 = await buildOrg(t, { name: '州园林宾馆党委', type: 'committee', isEnterprise: true });
  ids.e1 = e1.id;
  ids.e2 = e2.id;
  for (const [k, parent, name] of [
    ['b1', e1.id, '阜康匝道收费站党支部'],
    ['b2', e1.id, '养护工区党支部'],
    ['b3', e2.id, '客房部党支部'],
    ['young', e2.id, '新设餐饮部党支部'],
  ] as const) {
    ids[k] = (await buildOrg(t, { parentId: parent, name, type: 'branch' })).id;
  }
  await t.db.update(orgs).set({ foundedOn: '2026-01-05' }).where(eq(orgs.id, ids.young));
  await relogin();
});

/** Fresh sessions for everyone (after the clock jumps past the idle timeout). */
async function relogin() {
  sasac = await loginAs(t, 'sasac_staff', t.rootId);
  ent1 = await loginAs(t, 'enterprise_staff', ids.e1);
  ent2 = await loginAs(t, 'enterprise_staff', ids.e2);
  for (const k of ['b1', 'b2', 'b3']) sec[k] = await loginAs(t, 'branch_secretary', ids[k]);
}
afterEach(() => t.close());

async function assessmentOf(agent: Agent, campaignId: string, orgKey: string) {
  const list = (await agent.get(`/api/fivegood/campaigns/${campaignId}/assessments`)).json() as { id: string; orgId: string }[];
  return list.find((a) => a.orgId === ids[orgKey])?.id as string;
}

async function selfAssessAndSubmit(agent: Agent, id: string, by: Record<string, number> = {}) {
  const saved = await agent.put(`/api/fivegood/assessments/${id}/self`, {
    scores: scoresFor(R, 1, by),
    report: '支委会逐项对照标准自评，书记审核签字。',
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const sub = await agent.post(`/api/fivegood/assessments/${id}/submit`);
  expect(sub.statusCode, sub.body).toBe(200);
}

async function reviewAndForward(agent: Agent, id: string, extra: Record<string, unknown> = {}) {
  const r = await agent.put(`/api/fivegood/assessments/${id}/review`, {
    adjustments: [],
    siteVisit: '查看阵地、台账',
    talks: '个别谈话5人',
    satisfaction: 0.93,
    ...extra,
  });
  expect(r.statusCode, r.body).toBe(200);
  const f = await agent.post(`/api/fivegood/assessments/${id}/forward`, { reason: '考评完成，报送审定' });
  expect(f.statusCode, f.body).toBe(200);
  return f.json();
}

/** The workflow's steps, each the state-changing part of one test below, in the order of the tests. */
const steps: (() => Promise<void>)[] = [
  // 1. the rubric is seeded and the 2026 campaign launched
  async () => {
    ids.rubric1 = (await sasac.get('/api/fivegood/rubrics')).json()[0].id;
    const res = await sasac.post('/api/fivegood/campaigns', {
      orgId: t.rootId,
      year: 2026,
      name: '2026年度"五个好"党支部创建',
      rubricId: ids.rubric1,
      deadlines: deadlinesOf(2026),
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.c26 = res.json().id;
    ids.a1 = await assessmentOf(sasac, ids.c26, 'b1');
  },
  // 2. (reads only)
  async () => {},
  // 3. b1 self-assesses and submits
  async () => selfAssessAndSubmit(sec.b1, ids.a1),
  // 4. the enterprise returns it, b1 resubmits
  async () => {
    const ret = await ent1.post(`/api/fivegood/assessments/${ids.a1}/return`, { reason: '对标对表会议记录缺少整改清单' });
    expect(ret.statusCode, ret.body).toBe(200);
    await selfAssessAndSubmit(sec.b1, ids.a1);
  },
  // 5. the three branches are assessed and forwarded
  async () => {
    ids.a2 = await assessmentOf(sasac, ids.c26, 'b2');
    await reviewAndForward(ent1, ids.a1, { adjustments: [{ key: 'first_topic', score: 4, reason: '第一议题落实措施清单不全' }] });
    await selfAssessAndSubmit(sec.b2, ids.a2, { org_life: 0.5 });
    await reviewAndForward(ent1, ids.a2);
    ids.a3 = await assessmentOf(sec.b3, ids.c26, 'b3');
    await selfAssessAndSubmit(sec.b3, ids.a3, { members: 0.6 });
    await reviewAndForward(ent2, ids.a3, { vetoes: ['major_accident'] });
  },
  // 6. the SASAC returns one, then confirms all three
  async () => {
    await sasac.post(`/api/fivegood/assessments/${ids.a2}/return`, { reason: '抽查发现党小组会记录不全' });
    await reviewAndForward(ent1, ids.a2);
    for (const id of [ids.a1, ids.a2, ids.a3])
      expect((await sasac.post(`/api/fivegood/assessments/${id}/confirm`, { reason: '抽查复核无误' })).statusCode).toBe(200);
  },
  // 7. 公示 with an objection resolved, then naming
  async () => {
    expect((await sasac.post(`/api/fivegood/campaigns/${ids.c26}/publicize`, {})).statusCode).toBe(200);
    const obj = await sasac.post(`/api/fivegood/assessments/${ids.a1}/objections`, { content: '来信反映该支部党费收缴台账不全' });
    t.clock.advance(days(6));
    await relogin();
    await sasac.post(`/api/fivegood/objections/${obj.json().objections[0].id}/resolve`, {
      upheld: false,
      resolution: '经核查台账完整，异议不成立',
    });
    expect((await sasac.post(`/api/fivegood/campaigns/${ids.c26}/name`)).statusCode).toBe(200);
    ids.rating1 = (await sasac.get('/api/fivegood/ratings?plaques=1')).json()[0].id;
  },
  // 8. a veto in June demotes b1
  async () => {
    t.clock.set('2026-06-10T10:00:00+08:00');
    await relogin();
    const v = await sasac.post('/api/fivegood/vetoes', {
      orgId: ids.b1,
      conditionKey: 'major_accident',
      occurredOn: '2026-06-08',
      reason: '收费站发生较大安全生产责任事故',
    });
    expect(v.statusCode, v.body).toBe(201);
  },
  // 9. the rubric's version 2
  async () => {
    const content = structuredClone((await sasac.get(`/api/fivegood/rubrics/${ids.rubric1}`)).json().content);
    content.passRatio = 0.9;
    content.dimensions[0].name = '政治引领好';
    const v2 = await sasac.post('/api/fivegood/rubrics', { content, note: '提高达标线' });
    expect(v2.statusCode, v2.body).toBe(201);
    ids.rubric2 = v2.json().id;
  },
  // 10. the 2027 campaign with two branches re-rated
  async () => {
    t.clock.set('2027-03-01T09:00:00+08:00');
    await relogin();
    const c = await sasac.post('/api/fivegood/campaigns', {
      orgId: t.rootId,
      year: 2027,
      name: '2027年度"五个好"党支部创建',
      rubricId: ids.rubric2,
      deadlines: deadlinesOf(2027),
    });
    expect(c.statusCode, c.body).toBe(201);
    ids.c27 = c.json().id;
    const a3 = await assessmentOf(sec.b3, ids.c27, 'b3');
    await selfAssessAndSubmit(sec.b3, a3, { members: 1 });
    await reviewAndForward(ent2, a3);
    const a1 = await assessmentOf(sec.b1, ids.c27, 'b1');
    await selfAssessAndSubmit(sec.b1, a1, { org_life: 0.5, members: 0.5 });
    await reviewAndForward(ent1, a1);
    for (const id of [a3, a1]) await sasac.post(`/api/fivegood/assessments/${id}/confirm`, { reason: '审定' });
  },
];

/** Replays the first `n` steps: the state the (n+1)-th test starts from. */
async function reach(n: number) {
  for (const step of steps.slice(0, n)) await step();
}

describe('"五个好" annual creation, launch to plaques', () => {
  it('seeds the default rubric as version 1 and launches the campaign; a young branch is marked ineligible', async () => {
    const rubrics = (await sasac.get('/api/fivegood/rubrics')).json();
    expect(rubrics).toHaveLength(1);
    expect(rubrics[0].version).toBe(1);
    expect(rubrics[0].content.dimensions.map((d: { name: string }) => d.name)).toEqual([
      '政治功能好',
      '班子队伍好',
      '组织生活好',
      '党员管理好',
      '作用发挥好',
    ]);
    ids.rubric1 = rubrics[0].id;
    expect(
      (
        await ent1.post('/api/fivegood/campaigns', {
          orgId: ids.e1,
          year: 2026,
          name: 'x',
          rubricId: ids.rubric1,
          deadlines: deadlinesOf(2026),
        })
      ).statusCode,
    ).toBe(403);
    const res = await sasac.post('/api/fivegood/campaigns', {
      orgId: t.rootId,
      year: 2026,
      name: '2026年度"五个好"党支部创建',
      rubricId: ids.rubric1,
      deadlines: deadlinesOf(2026),
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.c26 = res.json().id;
    expect(res.json().byStatus).toEqual({ draft: 3, ineligible: 1 });
    const young = (await sasac.get(`/api/fivegood/campaigns/${ids.c26}/assessments?status=ineligible`)).json();
    expect(young[0].ineligibleReason).toContain('成立不满12个月');
    expect(
      (
        await sasac.post('/api/fivegood/campaigns', {
          orgId: t.rootId,
          year: 2026,
          name: '重复',
          rubricId: ids.rubric1,
          deadlines: deadlinesOf(2026),
        })
      ).statusCode,
    ).toBe(409);
  });

  it('a branch sees only its own assessment and has it on its to-do list', async () => {
    await reach(1);
    const mine = (await sec.b1.get(`/api/fivegood/campaigns/${ids.c26}/assessments`)).json();
    expect(mine).toHaveLength(1);
    expect(mine[0].statusLabel).toBe('支部自评中');
    const bell = (await sec.b1.get('/api/notifications?page=1&pageSize=20')).json();
    expect(bell.items.some((n: { title: string }) => n.title.includes('"五个好"支部自评'))).toBe(true);
    ids.a1 = await assessmentOf(sec.b1, ids.c26, 'b1');
    expect((await sec.b2.get(`/api/fivegood/assessments/${ids.a1}`)).statusCode).toBe(404);
    expect((await ent2.get(`/api/fivegood/assessments/${ids.a1}`)).statusCode).toBe(404);
  });

  it('self-assessment needs every indicator, evidence behind scores and a report; uploaded files are evidence', async () => {
    await reach(2);
    const empty = await sec.b1.post(`/api/fivegood/assessments/${ids.a1}/submit`);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('项指标未自评');
    const up = multipartBody([
      { name: 'orgId', value: ids.b1 },
      { name: 'file', filename: '阵地照片.png', data: PNG },
    ]);
    const file = await sec.b1.inject({ method: 'POST', url: '/api/files', payload: up.payload, headers: up.headers });
    expect(file.statusCode, file.body).toBe(201);
    const scores = scoresFor(R);
    scores[0].evidence = [];
    const noEvidence = await sec.b1.put(`/api/fivegood/assessments/${ids.a1}/self`, { scores, report: '支委会逐项自评形成报告。' });
    expect(noEvidence.statusCode).toBe(200);
    const refused = await sec.b1.post(`/api/fivegood/assessments/${ids.a1}/submit`);
    expect(refused.json().message).toContain('没有佐证材料');
    scores[0].evidence = [{ kind: 'file', ref: file.json().id, title: '阵地照片.png' }];
    expect((await sec.b1.put(`/api/fivegood/assessments/${ids.a1}/self`, { scores, report: '支委会逐项自评形成报告。' })).statusCode).toBe(
      200,
    );
    const sub = await sec.b1.post(`/api/fivegood/assessments/${ids.a1}/submit`);
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().statusLabel).toBe('待企业党委考评');
    expect((await sec.b1.put(`/api/fivegood/assessments/${ids.a1}/self`, { scores, report: '再改' })).statusCode).toBe(409);
  });

  it('the enterprise returns it with a reason, the branch resubmits, and the history keeps the return', async () => {
    await reach(3);
    expect((await sec.b1.post(`/api/fivegood/assessments/${ids.a1}/return`, { reason: '自己退回' })).statusCode).toBe(403);
    expect((await ent2.post(`/api/fivegood/assessments/${ids.a1}/return`, { reason: '越权退回' })).statusCode).toBe(404);
    const ret = await ent1.post(`/api/fivegood/assessments/${ids.a1}/return`, { reason: '对标对表会议记录缺少整改清单' });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json().status).toBe('returned');
    await selfAssessAndSubmit(sec.b1, ids.a1);
    const a = (await ent1.get(`/api/fivegood/assessments/${ids.a1}`)).json();
    expect(a.history.map((h: { to: string }) => h.to)).toEqual(['draft', 'submitted', 'returned', 'submitted']);
    expect(a.history[2].reason).toBe('对标对表会议记录缺少整改清单');
  });

  it('the enterprise adjusts with reasons and forwards with a proposed grade; nobody skips a step', async () => {
    await reach(4);
    ids.a2 = await assessmentOf(sasac, ids.c26, 'b2');
    expect((await sasac.post(`/api/fivegood/assessments/${ids.a2}/confirm`, { reason: '跳过' })).statusCode).toBe(409);
    expect((await ent1.post(`/api/fivegood/assessments/${ids.a1}/forward`, { reason: '未实地查看' })).json().message).toContain('实地查看');
    const noReason = await ent1.put(`/api/fivegood/assessments/${ids.a1}/review`, {
      adjustments: [{ key: 'first_topic', score: 3, reason: '' }],
    });
    expect(noReason.statusCode).toBe(400);
    const f = await reviewAndForward(ent1, ids.a1, { adjustments: [{ key: 'first_topic', score: 4, reason: '第一议题落实措施清单不全' }] });
    expect(f.proposedGrade).toBe(5);
    expect(f.scores.first_topic).toMatchObject({ self: 5, enterprise: 4, reason: '第一议题落实措施清单不全' });
    expect(f.result.dimensions[0].score).toBe(19);
    await selfAssessAndSubmit(sec.b2, ids.a2, { org_life: 0.5 });
    expect((await reviewAndForward(ent1, ids.a2)).proposedGrade).toBe(4);
    ids.a3 = await assessmentOf(sec.b3, ids.c26, 'b3');
    await selfAssessAndSubmit(sec.b3, ids.a3, { members: 0.6 });
    expect((await reviewAndForward(ent2, ids.a3, { vetoes: ['major_accident'] })).proposedGrade).toBe(3);
  });

  it('the SASAC spot-checks, returns one to the enterprise, and confirms grades with the reasons shown', async () => {
    await reach(5);
    expect((await ent1.post(`/api/fivegood/assessments/${ids.a1}/confirm`, { reason: '企业越级审定' })).statusCode).toBe(403);
    const back = await sasac.post(`/api/fivegood/assessments/${ids.a2}/return`, { reason: '抽查发现党小组会记录不全' });
    expect(back.json().status).toBe('submitted');
    await reviewAndForward(ent1, ids.a2);
    for (const id of [ids.a1, ids.a2, ids.a3])
      expect((await sasac.post(`/api/fivegood/assessments/${id}/confirm`, { reason: '抽查复核无误' })).statusCode).toBe(200);
    const a3 = (await sasac.get(`/api/fivegood/assessments/${ids.a3}`)).json();
    expect(a3.grade).toBe(3);
    expect(a3.result.reasons.join('')).toContain('触发否决项');
    const board = (await sasac.get(`/api/fivegood/campaigns/${ids.c26}/board`)).json();
    expect(board.totals.byGrade.find((g: { grade: number }) => g.grade === 5).count).toBe(1);
    // 五个好 is the 已命名 rule (namedRatings, fact fivegood.named): a grade confirmed at 5 is not named yet
    expect(board.totals.fiveGood).toBe(0);
    expect(board.totals.fiveGoodShare).toBe(0);
    expect(board.children.map((c: { fiveGood: number }) => c.fiveGood)).toEqual([0, 0]);
    expect(board.children.map((c: { name: string; branches: number }) => [c.name, c.branches])).toEqual([
      ['州交投集团党委', 2],
      ['州园林宾馆党委', 2],
    ]);
  });

  it('公示 for 5 working days with an objection recorded and resolved, then naming, certificates and rectification', async () => {
    await reach(6);
    expect((await sasac.post(`/api/fivegood/campaigns/${ids.c26}/publicize`, { from: '2026-03-05' })).statusCode).toBe(400);
    const p = await sasac.post(`/api/fivegood/campaigns/${ids.c26}/publicize`, {});
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json()).toMatchObject({ status: 'publicizing', publicityFrom: '2026-03-01', publicityTo: '2026-03-06' });
    const obj = await sasac.post(`/api/fivegood/assessments/${ids.a1}/objections`, { content: '来信反映该支部党费收缴台账不全' });
    expect(obj.statusCode).toBe(200);
    const objectionId = obj.json().objections[0].id;
    t.clock.advance(days(6));
    await relogin();
    expect((await sasac.post(`/api/fivegood/campaigns/${ids.c26}/name`)).json().message).toContain('异议未处理');
    const res = await sasac.post(`/api/fivegood/objections/${objectionId}/resolve`, {
      upheld: false,
      resolution: '经核查台账完整，异议不成立',
    });
    expect(res.json().objections[0].upheld).toBe(false);
    const named = await sasac.post(`/api/fivegood/campaigns/${ids.c26}/name`);
    expect(named.statusCode, named.body).toBe(200);
    const plaques = (await sasac.get('/api/fivegood/ratings?plaques=1')).json();
    expect(plaques.map((r: { orgName: string; plaqueNo: string }) => [r.orgName, r.plaqueNo])).toEqual([
      ['阜康匝道收费站党支部', '2026-WHG-001'],
    ]);
    ids.rating1 = plaques[0].id;
    // once named, the board counts it (1 of the 3 graded), at the root and at its enterprise, as the fact does
    const board = (await sasac.get(`/api/fivegood/campaigns/${ids.c26}/board`)).json();
    expect(board.totals.fiveGood).toBe(1);
    expect(board.totals.fiveGoodShare).toBeCloseTo(1 / 3);
    expect(board.children.map((c: { name: string; fiveGood: number }) => [c.name, c.fiveGood])).toEqual([
      ['州交投集团党委', 1],
      ['州园林宾馆党委', 0],
    ]);
    const fact = (await sasac.get(`/api/facts/fivegood.named/records?year=2026&orgId=${board.children[0].orgId}`)).json();
    expect(fact.total).toBe(board.children[0].fiveGood);
    const cert = await sec.b1.get(`/api/fivegood/ratings/${ids.rating1}/certificate`);
    expect(cert.statusCode).toBe(200);
    expect(cert.headers['content-type']).toContain('wordprocessingml');
    const rect = (await sec.b3.get('/api/fivegood/rectifications')).json();
    expect(rect.map((r: { item: string }) => r.item).join('\n')).toContain('否决项');
    const closed = await sec.b3.post(`/api/fivegood/rectifications/${rect[0].id}/close`, { note: '已制定整改措施并完成' });
    expect(closed.json().status).toBe('closed');
    expect((await sec.b1.post(`/api/fivegood/rectifications/${rect[0].id}/close`, { note: '越权销号' })).statusCode).toBe(404);
  });

  it('a veto during the year demotes at once and removes the plaque with the reason', async () => {
    await reach(7);
    t.clock.set('2026-06-10T10:00:00+08:00');
    await relogin();
    expect(
      (await ent1.post('/api/fivegood/vetoes', { orgId: ids.b1, conditionKey: 'major_accident', occurredOn: '2026-06-08', reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const v = await sasac.post('/api/fivegood/vetoes', {
      orgId: ids.b1,
      conditionKey: 'major_accident',
      occurredOn: '2026-06-08',
      reason: '收费站发生较大安全生产责任事故',
    });
    expect(v.statusCode, v.body).toBe(201);
    expect(v.json()).toMatchObject({ demoted: true, grade: 3 });
    const hist = (await sec.b1.get(`/api/fivegood/ratings?orgId=${ids.b1}`)).json();
    expect(hist.map((h: { kind: string; grade: number; change: string }) => [h.kind, h.grade, h.change])).toEqual([
      ['veto', 3, 'down'],
      ['named', 5, 'new'],
    ]);
    expect(hist[1]).toMatchObject({ plaqueStatus: 'revoked', revokedOn: '2026-06-10' });
    expect(hist[1].revokedReason).toContain('较大安全生产责任事故');
    expect((await sec.b1.get(`/api/fivegood/ratings/${ids.rating1}/certificate`)).statusCode).toBe(409);
  });

  it('editing the rubric makes a new version and never changes the running campaign', async () => {
    // needs only the running 2026 campaign, not its grades
    await reach(1);
    ids.a2 = await assessmentOf(sasac, ids.c26, 'b2');
    const v1 = (await sasac.get(`/api/fivegood/rubrics/${ids.rubric1}`)).json();
    const content = structuredClone(v1.content);
    content.passRatio = 0.9;
    content.dimensions[0].name = '政治引领好';
    const v2 = await sasac.post('/api/fivegood/rubrics', { content, note: '提高达标线' });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json().version).toBe(2);
    ids.rubric2 = v2.json().id;
    const a = (await sasac.get(`/api/fivegood/assessments/${ids.a2}`)).json();
    expect(a.rubricVersion).toBe(1);
    expect(a.rubric.dimensions[0].name).toBe('政治功能好');
    expect((await ent1.post('/api/fivegood/rubrics', { content, note: '企业改标准' })).statusCode).toBe(403);
    const yaml = await sasac.get(`/api/fivegood/rubrics/${ids.rubric2}/export?format=yaml`);
    expect(yaml.body).toContain('政治引领好');
    const back = await sasac.post('/api/fivegood/rubrics/import', {
      format: 'yaml',
      data: yaml.body.replace('政治引领好', '政治建设好'),
      note: '离线修改后导入',
    });
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json().content.passRatio).toBe(0.9);
    const xlsx = await sasac.get(`/api/fivegood/rubrics/${ids.rubric2}/export?format=xlsx`);
    const imp = await sasac.post('/api/fivegood/rubrics/import', {
      format: 'xlsx',
      data: xlsx.rawPayload.toString('base64'),
      baseId: ids.rubric2,
      note: 'Excel 导入',
    });
    expect(imp.statusCode, imp.body).toBe(201);
    expect(imp.json().content.dimensions[0].indicators).toHaveLength(5);
    expect(imp.json().content.dimensions[0].indicators[0].source).toBe('first_topic');
    const bad = await sasac.post('/api/fivegood/rubrics/import', {
      format: 'yaml',
      data: 'rubric:\n  name: 坏的\n  dimensions: []\n',
      note: '错误文件',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('re-rating the next year: lagging branches promoted, the board shows the rate, drills down and exports', async () => {
    await reach(9);
    t.clock.set('2027-03-01T09:00:00+08:00');
    await relogin();
    const c = await sasac.post('/api/fivegood/campaigns', {
      orgId: t.rootId,
      year: 2027,
      name: '2027年度"五个好"党支部创建',
      rubricId: ids.rubric2,
      deadlines: deadlinesOf(2027),
    });
    expect(c.statusCode, c.body).toBe(201);
    ids.c27 = c.json().id;
    const a3 = await assessmentOf(sec.b3, ids.c27, 'b3');
    await selfAssessAndSubmit(sec.b3, a3, { members: 1 });
    await reviewAndForward(ent2, a3);
    const a1 = await assessmentOf(sec.b1, ids.c27, 'b1');
    await selfAssessAndSubmit(sec.b1, a1, { org_life: 0.5, members: 0.5 });
    await reviewAndForward(ent1, a1);
    for (const id of [a3, a1]) await sasac.post(`/api/fivegood/assessments/${id}/confirm`, { reason: '审定' });
    const board = (await sasac.get(`/api/fivegood/campaigns/${ids.c27}/board`)).json();
    expect(board.totals.promotion).toEqual({ base: 2, promoted: 1, ratio: 0.5 });
    // the same rate as fact fivegood.promotion (in %), whose records are the 后进 branches it is over
    const f = (await sasac.get(`/api/facts?orgId=${t.rootId}&year=2027`)).json();
    expect(f.items.find((x: { key: string }) => x.key === 'fivegood.promotion').value).toBe(50);
    const base = (await sasac.get(`/api/facts/fivegood.promotion/records?orgId=${t.rootId}&year=2027`)).json();
    expect(base.total).toBe(board.totals.promotion.base);
    expect(base.sum).toBe(board.totals.promotion.promoted);
    const drill = (await sasac.get(`/api/fivegood/campaigns/${ids.c27}/board?orgId=${ids.e2}`)).json();
    expect(drill.branches.map((b: { orgName: string; statusLabel: string }) => [b.orgName, b.statusLabel])).toEqual([
      ['客房部党支部', '已审定'],
      ['新设餐饮部党支部', '支部自评中'],
    ]);
    expect(drill.branches[0].previousGrade).toBe(3);
    const own = (await ent1.get(`/api/fivegood/campaigns/${ids.c27}/board`)).json();
    expect(own.org.id).toBe(ids.e1);
    expect((await ent1.get(`/api/fivegood/campaigns/${ids.c27}/board?orgId=${ids.e2}`)).statusCode).toBe(404);
    const x = await sasac.get(`/api/fivegood/campaigns/${ids.c27}/board/export`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });

  it('every transition is in the audit log with who and why', async () => {
    await reach(10);
    const rows = await t.db.select().from(auditLog).where(like(auditLog.action, 'fivegood.assessment.%'));
    const ret = rows.find((r) => r.action === 'fivegood.assessment.return' && r.objectId === ids.a1);
    expect(ret?.username).toBeTruthy();
    expect(ret?.detail).toMatchObject({ from: 'submitted', to: 'returned', reason: '对标对表会议记录缺少整改清单' });
    expect(rows.filter((r) => r.action === 'fivegood.assessment.confirm').length).toBeGreaterThanOrEqual(5);
  });
});
