import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '../../../common/fivegood.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { loadOrgInScope } from '../org/org.service.ts';
import { stepDeadline } from './assessment.service.ts';
import { loadCampaign } from './campaign.service.ts';
import { promotionRate } from './fivegood.rules.ts';
import { fivegoodAssessments, fivegoodRubrics } from './fivegood.table.ts';
import { namedRatings } from './rating.rules.ts';
import { fivegoodRatings } from './rating.table.ts';

type Row = {
  id: string;
  orgId: string;
  orgName: string;
  path: string;
  parentId: string | null;
  enterprise: string | null;
  status: AssessmentStatus;
  grade: number | null;
  proposedGrade: number | null;
  total: number | null;
  deadline: string | null;
  overdue: boolean;
  previousGrade: number | null;
};

/**
 * The board's figures over its branch rows. `named` is the count of "五个好" 已命名 in the same subtree and year
 * (namedRatings, the one definition behind fact `fivegood.named`), not the assessments confirmed at the top grade: a
 * confirmed grade is not a naming until the campaign names it, and a veto or a revoked plaque takes it back.
 */
function summarize(rows: Row[], labels: string[], cap: number, named: number) {
  const byStatus = Object.fromEntries(Object.keys(ASSESSMENT_STATUS_LABELS).map((s) => [s, rows.filter((r) => r.status === s).length]));
  const graded = rows.filter((r) => r.grade !== null);
  const byGrade = labels.map((label, grade) => ({ grade, label, count: graded.filter((r) => r.grade === grade).length }));
  const prev = new Map(rows.filter((r) => r.previousGrade !== null).map((r) => [r.orgId, r.previousGrade as number]));
  const curr = new Map(graded.map((r) => [r.orgId, r.grade as number]));
  return {
    branches: rows.length,
    eligible: rows.length - byStatus.ineligible,
    byStatus,
    byGrade,
    graded: graded.length,
    fiveGood: named,
    fiveGoodShare: graded.length ? named / graded.length : null,
    overdue: rows.filter((r) => r.overdue).length,
    promotion: promotionRate(prev, curr, cap),
  };
}

/** The branch rows of a campaign under an org (in the caller's scope), with last year's grade. */
async function boardRows(ctx: Ctx, campaignId: string, underPath: string) {
  const c = await loadCampaign(ctx, campaignId);
  const [rub] = await ctx.db.select({ content: fivegoodRubrics.content }).from(fivegoodRubrics).where(eq(fivegoodRubrics.id, c.rubricId));
  const list = await ctx.db
    .select({
      a: fivegoodAssessments,
      orgName: orgs.name,
      path: orgs.path,
      parentId: orgs.parentId,
      enterprise: sql<
        string | null
      >`(select e.name from orgs e where e.is_enterprise and starts_with(${orgs.path}, e.path) order by e.depth desc limit 1)`,
    })
    .from(fivegoodAssessments)
    .innerJoin(orgs, eq(orgs.id, fivegoodAssessments.orgId))
    .where(
      and(
        eq(fivegoodAssessments.campaignId, c.id),
        scopeWhere(ctx.actor, 'fivegood:read', orgs.path),
        sql`starts_with(${orgs.path}, ${underPath})`,
      ),
    )
    .orderBy(orgs.depth, orgs.sortOrder, orgs.name);
  const ids = list.map((x) => x.a.orgId);
  const prev = ids.length
    ? await ctx.db
        .selectDistinctOn([fivegoodRatings.orgId], { orgId: fivegoodRatings.orgId, grade: fivegoodRatings.grade })
        .from(fivegoodRatings)
        .where(and(inArray(fivegoodRatings.orgId, ids), eq(fivegoodRatings.year, c.year - 1)))
        .orderBy(fivegoodRatings.orgId, desc(fivegoodRatings.createdAt))
    : [];
  const prevBy = new Map(prev.map((p) => [p.orgId, p.grade]));
  const today = cstDate(ctx.now);
  const rows: Row[] = list.map(({ a, ...o }) => {
    const deadline = stepDeadline(a, c);
    return {
      id: a.id,
      orgId: a.orgId,
      orgName: o.orgName,
      path: o.path,
      parentId: o.parentId,
      enterprise: o.enterprise,
      status: a.status,
      grade: a.grade,
      proposedGrade: a.proposedGrade,
      total: a.total,
      deadline,
      overdue: deadline !== null && today > deadline,
      previousGrade: prevBy.get(a.orgId) ?? null,
    };
  });
  return { c, rubric: rub.content, rows };
}

/** 进度看板 of a campaign at an org: totals, one row per child org (drill down), and the branches directly below. */
export async function board(ctx: Ctx, campaignId: string, orgId?: string) {
  const c0 = await loadCampaign(ctx, campaignId);
  const at = await loadOrgInScope(ctx, orgId ?? c0.orgId).catch(async (e) => {
    if (orgId) throw e;
    return loadOrgInScope(ctx, ctx.actor?.roles[0]?.orgId ?? c0.orgId);
  });
  const { c, rubric, rows } = await boardRows(ctx, campaignId, at.path);
  const s = (r: Row[], named: number) => summarize(r, rubric.labels, rubric.veto.capGradeAt, named);
  const children = await ctx.db
    .select({ id: orgs.id, name: orgs.name, type: orgs.type, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.parentId, at.id), eq(orgs.status, 'active'), scopeWhere(ctx.actor, 'fivegood:read', orgs.path)))
    .orderBy(orgs.sortOrder, orgs.name);
  // the 已命名 branches of the campaign's year under the board's org; a child's count is its subtree's, as the fact's
  const namedPaths = (
    (await ctx.db.execute(sql`select o.path from ${namedRatings(c.year)} r join orgs o on o.id = r.org_id
      where starts_with(o.path, ${at.path})`)) as unknown as { rows: { path: string }[] }
  ).rows.map((x) => x.path);
  const namedUnder = (path: string) => namedPaths.filter((p) => p.startsWith(path)).length;
  return {
    campaign: { id: c.id, name: c.name, year: c.year, status: c.status, deadlines: c.deadlines, publicityTo: c.publicityTo },
    org: { id: at.id, name: at.name, parentId: at.parentId },
    totals: s(rows, namedUnder(at.path)),
    children: children
      .map((ch) => ({
        orgId: ch.id,
        name: ch.name,
        type: ch.type,
        ...s(
          rows.filter((r) => r.path.startsWith(ch.path) && r.orgId !== ch.id),
          namedUnder(ch.path),
        ),
      }))
      .filter((ch) => ch.branches > 0),
    branches: rows
      .filter((r) => r.parentId === at.id || r.orgId === at.id)
      .map(({ path: _p, parentId: _q, ...r }) => ({
        ...r,
        statusLabel: ASSESSMENT_STATUS_LABELS[r.status],
        gradeLabel: r.grade === null ? null : rubric.labels[r.grade],
      })),
  };
}

/** Every branch row under the org, for the xlsx export of the board. */
export async function boardExportRows(ctx: Ctx, campaignId: string, orgId?: string) {
  const c0 = await loadCampaign(ctx, campaignId);
  const at = await loadOrgInScope(ctx, orgId ?? c0.orgId);
  const { c, rubric, rows } = await boardRows(ctx, campaignId, at.path);
  const lbl = (g: number | null) => (g === null ? '' : rubric.labels[g]);
  return {
    c,
    at,
    rows: rows.map((r) => ({
      enterprise: r.enterprise ?? '',
      orgName: r.orgName,
      status: ASSESSMENT_STATUS_LABELS[r.status],
      deadline: r.deadline ?? '',
      overdue: r.overdue ? '是' : '',
      proposed: lbl(r.proposedGrade),
      grade: lbl(r.grade),
      total: r.total,
      previous: lbl(r.previousGrade),
      change:
        r.grade === null || r.previousGrade === null
          ? ''
          : r.grade > r.previousGrade
            ? '升级'
            : r.grade < r.previousGrade
              ? '降级'
              : '持平',
    })),
  };
}
