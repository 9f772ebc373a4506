import { eq, inArray } from 'drizzle-orm';
import type { RubricContent } from '../../../common/fivegood.ts';
import { orgs } from '../../platform/access/org.table.ts';
import type { Demo } from '../../platform/seed.ts';
import { gradeAssessment } from './fivegood.rules.ts';
import { fivegoodAssessments, fivegoodCampaigns, fivegoodRubrics, type ScoreEntry, type Step } from './fivegood.table.ts';
import { fivegoodRatings, fivegoodRectifications, fivegoodVetoEvents } from './rating.table.ts';
import { ensureRubric } from './rubric.service.ts';

/** The demo tree's showcase branch (server/demo/demo.orgs.data.ts), named in the mission text. */
const FUKANG_BRANCH = '阜康匝道收费站党支部';

type Stage = 'draft' | 'returned' | 'submitted' | 'forwarded' | 'confirmed';
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** Scores that make exactly `good` of the dimensions 好 (the first ones), each backed by a linked ledger. */
function scoresFor(r: RubricContent, good: number, ratio: (good: boolean) => number): Record<string, ScoreEntry> {
  const out: Record<string, ScoreEntry> = {};
  for (const [i, d] of r.dimensions.entries())
    for (const ind of d.indicators) {
      const score = Math.floor(ind.points * ratio(i < good) * 2) / 2;
      out[ind.key] = {
        self: score,
        enterprise: null,
        reason: '',
        note: '',
        evidence: [{ kind: 'link', ref: '/meetings', title: ind.evidence[0] ?? '台账' }],
      };
    }
  return out;
}

/**
 * A year and a half of "五个好" creation in the demo: last year's campaign named (grades, plaques, a rectification
 * ledger for the lagging branches, part of it closed), a veto this year that demoted one named branch and took its
 * plaque down, and this year's campaign in progress with branches at every step (one returned and resubmitted).
 */
export async function seedFivegood(demo: Demo): Promise<void> {
  const { ctx, rng, today, rootId } = demo;
  await ensureRubric(ctx);
  const [rubric] = await ctx.db.select().from(fivegoodRubrics).where(eq(fivegoodRubrics.version, 1));
  const r = rubric.content;
  // the campaign of the current year starts in March; before April the demo's "current" campaign is last year's
  const y = Number(today.slice(0, 4));
  const year = today >= `${y}-04-01` ? y : y - 1;
  const branchIds = demo.orgs.filter((o) => o.type === 'branch').map((o) => o.id);
  if (!branchIds.length) return;
  const branches = await ctx.db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, branchIds));
  const fukang = branches.find((b) => b.name === FUKANG_BRANCH);
  const sasac = '州国资委党委';
  const steps = (list: [string, string, string, string, string][]): Step[] =>
    list.map(([d, by, action, from, to]) => ({
      at: at(d).toISOString(),
      by,
      action,
      from,
      to,
      reason: action === 'return' ? '佐证材料不全，请补充对标对表整改清单' : '',
    }));

  // last year: named in Q1 of this year
  const [prev] = await ctx.db
    .insert(fivegoodCampaigns)
    .values({
      orgId: rootId,
      year: year - 1,
      name: `${year - 1}年度"五个好"标准化规范化党支部创建`,
      rubricId: rubric.id,
      deadlines: {
        selfAssess: `${year - 1}-12-31`,
        enterpriseReview: `${year}-01-20`,
        sasacReview: `${year}-03-15`,
        rectify: `${year}-06-30`,
      },
      status: 'named',
      publicityFrom: `${year}-03-18`,
      publicityTo: `${year}-03-24`,
      namedOn: `${year}-03-27`,
      createdAt: at(`${year - 1}-03-01`),
    })
    .returning();
  const lastGrade = new Map<string, number>();
  let plaque = 0;
  const ratingRows: (typeof fivegoodRatings.$inferInsert)[] = [];
  const rectRows: (typeof fivegoodRectifications.$inferInsert)[] = [];
  const prevRows = branches.map((b) => {
    const good =
      b.id === fukang?.id
        ? 5
        : rng.weighted([
            [5, 45],
            [4, 35],
            [3, 12],
            [2, 8],
          ]);
    const scores = scoresFor(r, good, (g) => (g ? 0.9 : 0.7));
    const satisfaction = rng.int(86, 98) / 100;
    const g = gradeAssessment(r, {
      scores: Object.fromEntries(Object.entries(scores).map(([k, s]) => [k, s.self ?? 0])),
      vetoes: [],
      bonus: [],
      satisfaction,
    });
    lastGrade.set(b.id, g.grade);
    const top = g.grade === r.labels.length - 1;
    ratingRows.push({
      orgId: b.id,
      year: year - 1,
      campaignId: prev.id,
      kind: 'named',
      grade: g.grade,
      label: g.label,
      reason: `${prev.name}审定命名`,
      plaqueNo: top ? `${year - 1}-WHG-${String(++plaque).padStart(3, '0')}` : null,
      plaqueStatus: top ? 'active' : null,
      createdAt: at(`${year}-03-27`),
    });
    if (g.grade <= r.veto.capGradeAt)
      for (const d of g.dimensions.filter((x) => !x.good)) {
        const closed = rng.chance(0.5);
        rectRows.push({
          orgId: b.id,
          campaignId: prev.id,
          item: `${d.name}未达标（${d.score}/${d.points}分），逐项查找差距并整改`,
          owner: '支部书记',
          deadline: `${year}-06-30`,
          status: closed ? 'closed' : 'open',
          closeNote: closed ? '已完善制度台账，经企业党委复查销号' : null,
          closedAt: closed ? at(`${year}-06-20`) : null,
          createdAt: at(`${year}-03-27`),
        });
      }
    return {
      campaignId: prev.id,
      orgId: b.id,
      status: 'confirmed' as const,
      scores,
      report: '支委会逐项对照评分细则开展自评，形成自评报告，经书记签字后提交。',
      siteVisit: '查阅三会一课、第一议题台账，实地查看党员活动阵地。',
      talks: '个别谈话党员5人、群众3人。',
      satisfaction,
      proposedGrade: g.grade,
      grade: g.grade,
      total: g.total,
      history: steps([
        [`${year - 1}-03-01`, sasac, 'launch', '', 'draft'],
        [`${year - 1}-12-20`, '支部书记', 'submit', 'draft', 'submitted'],
        [`${year}-01-15`, '企业党委', 'forward', 'submitted', 'forwarded'],
        [`${year}-03-10`, sasac, 'confirm', 'forwarded', 'confirmed'],
      ]),
      updatedAt: at(`${year}-03-10`),
    };
  });
  await ctx.db.insert(fivegoodAssessments).values(prevRows);
  await ctx.db.insert(fivegoodRatings).values(ratingRows);

  // a mid-year veto: one named 五个好 branch (never the tour's 阜康 branch) demoted at once, its plaque taken down
  const vetoed = ratingRows.find((x) => x.plaqueNo && x.orgId !== fukang?.id);
  const vetoOn = `${year}-06-12` < today ? `${year}-06-12` : today;
  if (vetoed) {
    const cond = r.veto.conditions.find((c) => c.key === 'major_accident') ?? r.veto.conditions[0];
    await ctx.db.insert(fivegoodVetoEvents).values({
      orgId: vetoed.orgId,
      conditionKey: cond.key,
      conditionText: cond.text,
      occurredOn: vetoOn,
      reason: '所属站点发生一般等级以上安全生产责任事故',
      createdAt: at(vetoOn, 16),
    });
    await ctx.db
      .update(fivegoodRatings)
      .set({ plaqueStatus: 'revoked', revokedOn: vetoOn, revokedReason: `${cond.text}：所属站点发生一般等级以上安全生产责任事故` })
      .where(eq(fivegoodRatings.plaqueNo, vetoed.plaqueNo as string));
    await ctx.db.insert(fivegoodRatings).values({
      orgId: vetoed.orgId,
      year: year - 1,
      campaignId: prev.id,
      kind: 'veto',
      grade: r.veto.capGradeAt,
      label: r.labels[r.veto.capGradeAt],
      previousGrade: vetoed.grade,
      reason: `发生否决事项（${cond.text}），即时降级`,
      createdAt: at(vetoOn, 16),
    });
    rectRows.push({
      orgId: vetoed.orgId,
      item: `否决事项整改：${cond.text}`,
      owner: '支部书记',
      deadline: `${year}-12-31`,
      createdAt: at(vetoOn, 16),
    });
  }
  if (rectRows.length) await ctx.db.insert(fivegoodRectifications).values(rectRows);

  // this year: in progress, branches at every step; the lagging branches of last year mostly caught up
  const [cur] = await ctx.db
    .insert(fivegoodCampaigns)
    .values({
      orgId: rootId,
      year,
      name: `${year}年度"五个好"标准化规范化党支部创建`,
      rubricId: rubric.id,
      deadlines: {
        selfAssess: `${year}-12-31`,
        enterpriseReview: `${year + 1}-01-20`,
        sasacReview: `${year + 1}-03-15`,
        rectify: `${year + 1}-06-30`,
      },
      createdAt: at(`${year}-03-01`),
    })
    .returning();
  const curRows = branches.map((b) => {
    const stage: Stage =
      b.id === fukang?.id
        ? 'draft'
        : rng.weighted<Stage>([
            ['draft', 30],
            ['returned', 8],
            ['submitted', 25],
            ['forwarded', 17],
            ['confirmed', 20],
          ]);
    const before = lastGrade.get(b.id) ?? 3;
    const good = Math.min(5, before + (before <= 3 ? rng.int(0, 2) : rng.int(0, 1)));
    const scores = stage === 'draft' ? {} : scoresFor(r, good, (g) => (g ? 0.92 : 0.72));
    const satisfaction = stage === 'forwarded' || stage === 'confirmed' ? rng.int(85, 98) / 100 : null;
    const g = gradeAssessment(r, {
      scores: Object.fromEntries(Object.entries(scores).map(([k, s]) => [k, s.self ?? 0])),
      vetoes: [],
      bonus: [],
      satisfaction,
    });
    const hist: [string, string, string, string, string][] = [[`${year}-03-01`, sasac, 'launch', '', 'draft']];
    if (stage === 'returned')
      hist.push(
        [`${year}-10-20`, '支部书记', 'submit', 'draft', 'submitted'],
        [`${year}-10-28`, '企业党委', 'return', 'submitted', 'returned'],
      );
    if (stage === 'submitted' || stage === 'forwarded' || stage === 'confirmed')
      hist.push([`${year}-10-25`, '支部书记', 'submit', 'draft', 'submitted']);
    if (stage === 'forwarded' || stage === 'confirmed') hist.push([`${year}-11-05`, '企业党委', 'forward', 'submitted', 'forwarded']);
    if (stage === 'confirmed') hist.push([`${year}-11-15`, sasac, 'confirm', 'forwarded', 'confirmed']);
    const past = hist.filter(([d]) => d <= today);
    const reached = past.at(-1)?.[4] as Stage;
    return {
      campaignId: cur.id,
      orgId: b.id,
      status: reached,
      scores: reached === 'draft' ? {} : scores,
      report: reached === 'draft' ? '' : '支委会逐项对照评分细则开展自评，形成自评报告。',
      siteVisit: satisfaction !== null ? '实地查看党员活动室、先锋岗和台账。' : '',
      talks: satisfaction !== null ? '个别谈话党员4人。' : '',
      satisfaction: reached === 'forwarded' || reached === 'confirmed' ? satisfaction : null,
      proposedGrade: reached === 'forwarded' || reached === 'confirmed' ? g.grade : null,
      grade: reached === 'confirmed' ? g.grade : null,
      total: reached === 'confirmed' ? g.total : null,
      history: steps(past),
      updatedAt: at(past.at(-1)?.[0] ?? `${year}-03-01`),
    };
  });
  await ctx.db.insert(fivegoodAssessments).values(curRows);
}
