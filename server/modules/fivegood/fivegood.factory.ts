// "五个好" objects for the workflow tests and the authorization matrix.
import type { Evidence, RubricContent } from '../../../common/fivegood.ts';
import type { TestApp } from '../../test/build-test-app.ts';
import { buildOrg } from '../../test/factories.ts';
import { fivegoodAssessments, fivegoodCampaigns, fivegoodObjections, fivegoodRubrics, type ScoreEntry } from './fivegood.table.ts';
import { fivegoodRatings, fivegoodRectifications } from './rating.table.ts';
import { defaultRubric } from './rubric.yaml.ts';

/** Deadlines of a `year` campaign. */
export const deadlinesOf = (year: number) => ({
  selfAssess: `${year}-12-31`,
  enterpriseReview: `${year + 1}-01-20`,
  sasacReview: `${year + 1}-03-31`,
  rectify: `${year + 1}-06-30`,
});

/** Scores for every indicator: its points × `ratio` (per dimension key in `by`), each with one linked record as evidence. */
export function scoresFor(r: RubricContent, ratio = 1, by: Record<string, number> = {}) {
  return r.dimensions.flatMap((d) =>
    d.indicators.map((i) => ({
      key: i.key,
      score: Math.round(i.points * (by[d.key] ?? ratio) * 2) / 2,
      note: '',
      evidence: [{ kind: 'link', ref: `/meetings?orgId=x&k=${i.key}`, title: `${i.key}佐证` }] as Evidence[],
    })),
  );
}

/** The id of the first rubric version, seeding it when none exists. */
export async function rubricId(t: TestApp): Promise<string> {
  const [r] = await t.db.select().from(fivegoodRubrics).limit(1);
  if (r) return r.id;
  const [n] = await t.db
    .insert(fivegoodRubrics)
    .values({ version: 1, content: defaultRubric(), createdAt: t.clock() })
    .onConflictDoNothing()
    .returning();
  return n ? n.id : rubricId(t);
}

/**
 * An assessment of a fresh branch under `orgId` in a fresh campaign launched at `campaignOrgId` (default: the branch),
 * in `status`; `confirmed` ones carry a grade, and the campaign is `publicizing` when `publicizing`.
 */
export async function assessmentIn(
  t: TestApp,
  orgId: string,
  o: {
    status?: 'draft' | 'submitted' | 'forwarded' | 'confirmed';
    /** a draft with every indicator scored and the report written (ready to submit) */
    filled?: boolean;
    campaignOrgId?: string;
    /** the campaign in 公示 until this date */
    publicityTo?: string;
    branchId?: string;
  } = {},
) {
  const branch = o.branchId ?? (await buildOrg(t, { parentId: orgId, type: 'branch' })).id;
  const content = defaultRubric();
  const now = t.clock();
  const [c] = await t.db
    .insert(fivegoodCampaigns)
    .values({
      orgId: o.campaignOrgId ?? branch,
      year: 2026,
      name: '测试创建活动',
      rubricId: await rubricId(t),
      deadlines: deadlinesOf(2026),
      status: o.publicityTo ? 'publicizing' : 'open',
      publicityFrom: o.publicityTo ? '2000-01-03' : null,
      publicityTo: o.publicityTo ?? null,
      createdAt: now,
    })
    .returning();
  const status = o.status ?? 'draft';
  const scores: Record<string, ScoreEntry> = {};
  const filled = status !== 'draft' || !!o.filled;
  if (filled)
    for (const s of scoresFor(content)) scores[s.key] = { self: s.score, enterprise: null, reason: '', note: '', evidence: s.evidence };
  const [a] = await t.db
    .insert(fivegoodAssessments)
    .values({
      campaignId: c.id,
      orgId: branch,
      status,
      scores,
      report: filled ? '支部逐项对照标准开展自评，形成本报告。' : '',
      siteVisit: status === 'submitted' ? '实地查看了活动阵地' : '',
      satisfaction: status === 'submitted' ? 0.92 : null,
      grade: status === 'confirmed' ? 5 : null,
      history: [],
      updatedAt: now,
    })
    .returning();
  return { assessmentId: a.id, campaignId: c.id, branchId: branch };
}

/** An open objection against a fresh assessment in a publicizing campaign under `orgId`. */
export async function objectionIn(t: TestApp, orgId: string) {
  const { assessmentId } = await assessmentIn(t, orgId, { status: 'confirmed', publicityTo: '2099-12-31' });
  const [o] = await t.db
    .insert(fivegoodObjections)
    .values({ assessmentId, content: '群众反映', receivedOn: '2026-03-01', createdAt: t.clock() })
    .returning();
  return o.id;
}

/** A named 五个好 rating with an active plaque for a fresh branch under `orgId`. */
export async function ratingIn(t: TestApp, orgId: string) {
  const b = await buildOrg(t, { parentId: orgId, type: 'branch' });
  const [r] = await t.db
    .insert(fivegoodRatings)
    .values({
      orgId: b.id,
      year: 2025,
      kind: 'named',
      grade: 5,
      label: '五个好',
      plaqueNo: '2025-WHG-001',
      plaqueStatus: 'active',
      createdAt: t.clock(),
    })
    .returning();
  return r.id;
}

/** An open rectification item of a fresh branch under `orgId`. */
export async function rectificationIn(t: TestApp, orgId: string) {
  const b = await buildOrg(t, { parentId: orgId, type: 'branch' });
  const [r] = await t.db
    .insert(fivegoodRectifications)
    .values({ orgId: b.id, item: '组织生活会记录不全', owner: '支部书记', deadline: '2026-06-30', createdAt: t.clock() })
    .returning();
  return r.id;
}
