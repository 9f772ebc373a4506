import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { memberAgent } from './study.factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-07-01T09:00:00+08:00');
});
afterAll(() => t.close());

async function setUp() {
  const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
  const br = await buildOrg(t, { parentId: ent.id });
  const staff = await loginAs(t, 'enterprise_staff', ent.id);
  const q = async (body: Record<string, unknown>) => {
    const r = await staff.post('/api/study/questions', { orgId: ent.id, tags: ['party_rules'], ...body });
    expect(r.statusCode).toBe(201);
    return r.json().id as string;
  };
  const single = await q({
    kind: 'single',
    stem: '党的最高领导机关是？',
    options: ['党的全国代表大会和它所产生的中央委员会', '中央政治局', '中央书记处'],
    answer: [0],
  });
  const multi = await q({
    kind: 'multiple',
    stem: '"四个意识"包括哪些？',
    options: ['政治意识', '大局意识', '核心意识', '看齐意识', '服务意识'],
    answer: [0, 1, 2, 3],
    explanation: '政治意识、大局意识、核心意识、看齐意识',
  });
  const judge = await q({ kind: 'judge', stem: '预备党员的预备期为一年。', options: ['正确', '错误'], answer: [0] });
  const quiz = await staff.post('/api/study/quizzes', {
    orgId: ent.id,
    title: '党章党规知识测试',
    timeLimitMinutes: 10,
    questionIds: [single, multi, judge],
    opensAt: '2026-07-01T00:00:00+08:00',
    closesAt: '2026-07-31T23:59:00+08:00',
  });
  expect(quiz.statusCode).toBe(201);
  return { ent, br, staff, quizId: quiz.json().id as string, single, multi, judge };
}

describe('quizzes', () => {
  it('refuses an inconsistent question in Chinese', async () => {
    const ent = await buildOrg(t, { type: 'committee' });
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const bad = await staff.post('/api/study/questions', {
      orgId: ent.id,
      kind: 'single',
      stem: '单选题两个答案？',
      options: ['甲', '乙'],
      answer: [0, 1],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('只有一个正确答案');
  });

  it('a member takes a quiz on the phone: questions without answers, auto-scored, wrong answers reviewable; results per member and org', async () => {
    const { br, staff, quizId, single, multi, judge } = await setUp();
    const m = await memberAgent(t, br.id, '古丽娜尔');
    const list = (await m.get('/api/m/study/quizzes')).json();
    expect(list).toEqual([expect.objectContaining({ id: quizId, submitted: false, open: true })]);
    const start = (await m.post(`/api/m/study/quizzes/${quizId}/start`)).json();
    expect(start.questions).toHaveLength(3);
    expect(JSON.stringify(start)).not.toContain('answer');
    expect((await m.get(`/api/m/study/attempts/${start.attemptId}`)).statusCode).toBe(409);
    t.clock.advance(5 * 60_000);
    const res = await m.post(`/api/m/study/attempts/${start.attemptId}/submit`, {
      answers: { [single]: [0], [multi]: [0, 1, 2], [judge]: [0] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ score: 67, correct: 2, total: 3, passed: true });
    const wrong = (res.json().items as { id: string; right: boolean; answer: number[]; explanation: string | null }[]).filter(
      (i) => !i.right,
    );
    expect(wrong).toEqual([
      expect.objectContaining({ id: multi, answer: [0, 1, 2, 3], explanation: '政治意识、大局意识、核心意识、看齐意识' }),
    ]);
    expect((await m.get(`/api/m/study/attempts/${start.attemptId}`)).json().score).toBe(67);
    expect((await m.post(`/api/m/study/attempts/${start.attemptId}/submit`, { answers: {} })).statusCode).toBe(409);
    expect((await m.post(`/api/m/study/quizzes/${quizId}/start`)).statusCode).toBe(409);

    const results = (await staff.get(`/api/study/quizzes/${quizId}/results`)).json();
    expect(results.members).toEqual([expect.objectContaining({ name: '古丽娜尔', score: 67 })]);
    expect(results.orgs).toEqual([expect.objectContaining({ orgId: br.id, handedIn: 1, passed: 1, average: 67 })]);
    expect(results.questions[0]).toMatchObject({ id: multi, wrongRate: 100 });
  });

  it('enforces the time limit on the server and keeps other members and other attempts apart', async () => {
    const { br, quizId, single } = await setUp();
    const m = await memberAgent(t, br.id);
    const other = await memberAgent(t, br.id);
    const start = (await m.post(`/api/m/study/quizzes/${quizId}/start`)).json();
    expect((await other.post(`/api/m/study/attempts/${start.attemptId}/submit`, { answers: {} })).statusCode).toBe(404);
    t.clock.advance(11 * 60_000);
    const late = await m.post(`/api/m/study/attempts/${start.attemptId}/submit`, { answers: { [single]: [0] } });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('已超过答题时限');
    expect((await m.get(`/api/m/study/attempts/${start.attemptId}`)).json().score).toBe(0);
    const elsewhere = await memberAgent(t, (await buildOrg(t)).id);
    expect((await elsewhere.post(`/api/m/study/quizzes/${quizId}/start`)).statusCode).toBe(404);
  });
});

describe('班组10分钟课堂', () => {
  it('a team leader records a class from the phone; a member checks in by QR once; hours count', async () => {
    const br = await buildOrg(t);
    const leader = await memberAgent(t, br.id, '班组长');
    const ticked = await memberAgent(t, br.id, '张伟');
    const scanner = await memberAgent(t, br.id, '阿依古丽');
    const team = (await leader.get('/api/m/study/team')).json() as { id: string; name: string }[];
    expect(team.map((x) => x.name)).toEqual(expect.arrayContaining(['班组长', '张伟', '阿依古丽']));
    const c = await leader.post('/api/m/study/classes', {
      title: '安全生产与党员责任区',
      lecturer: '班组长',
      teamName: '客房部早班',
      minutes: 10,
      attendeeIds: [ticked.memberId],
    });
    expect(c.statusCode).toBe(201);
    expect(c.json().attendees).toBe(2);
    const token = c.json().token;
    expect((await scanner.post('/api/m/study/checkin', { token })).statusCode).toBe(200);
    expect((await scanner.post('/api/m/study/checkin', { token })).statusCode).toBe(409);
    expect((await scanner.post('/api/m/study/checkin', { token: `${token.split('.')[0]}.forged-signature-xx` })).statusCode).toBe(400);
    expect((await scanner.get('/api/m/study/hours')).json().byForm.team_micro_class).toBe(0.2);
    t.clock.advance(3 * 3_600_000);
    const late = await memberAgent(t, br.id);
    expect((await late.post('/api/m/study/checkin', { token })).statusCode).toBe(409);
    const sec = await loginAs(t, 'branch_secretary', br.id);
    const rec = (await sec.get(`/api/study/records/${c.json().id}`)).json();
    expect(rec.people.map((p: { name: string; via: string }) => `${p.name}:${p.via}`).sort()).toEqual(
      ['张伟:list', '班组长:list', '阿依古丽:qr'].sort(),
    );
  });
});
