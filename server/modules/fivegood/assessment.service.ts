import { and, asc, eq, sql } from 'drizzle-orm';
import type { Permission } from '../../../common/access.ts';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus, type RubricContent } from '../../../common/fivegood.ts';
import { inScope } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { loadCampaign } from './campaign.service.ts';
import { gradeAssessment } from './fivegood.rules.ts';
import {
  type Assessment,
  type Campaign,
  fivegoodAssessments,
  fivegoodCampaigns,
  fivegoodObjections,
  fivegoodRubrics,
} from './fivegood.table.ts';

export type Loaded = { a: Assessment; c: Campaign; rubric: RubricContent; rubricVersion: number; orgName: string; orgPath: string };

/**
 * Loads an assessment a route names (missing → 404; its read and write scope are the guard's, the assessment being
 * the route's declared target). `perm`: who acts at this step of the workflow (e.g. a return at the SASAC stage
 * needs fivegood:manage, not the route's fivegood:review) — missing in the branch's org answers 403.
 */
export async function loadAssessment(ctx: Ctx, id: string, perm?: Permission): Promise<Loaded> {
  const [r] = await ctx.db
    .select({
      a: fivegoodAssessments,
      c: fivegoodCampaigns,
      rubric: fivegoodRubrics.content,
      v: fivegoodRubrics.version,
      orgName: orgs.name,
      orgPath: orgs.path,
    })
    .from(fivegoodAssessments)
    .innerJoin(fivegoodCampaigns, eq(fivegoodCampaigns.id, fivegoodAssessments.campaignId))
    .innerJoin(fivegoodRubrics, eq(fivegoodRubrics.id, fivegoodCampaigns.rubricId))
    .innerJoin(orgs, eq(orgs.id, fivegoodAssessments.orgId))
    .where(eq(fivegoodAssessments.id, id));
  if (!r) throw notFound('自评记录');
  if (perm && !inScope(ctx.actor, perm, r.orgPath)) throw forbidden('您没有在这一步操作该支部的权限');
  return { a: r.a, c: r.c, rubric: r.rubric, rubricVersion: r.v, orgName: r.orgName, orgPath: r.orgPath };
}

/** The score that counts for an indicator: the enterprise's adjustment when made, else the branch's own. */
export const effectiveScores = (a: Assessment) =>
  Object.fromEntries(Object.entries(a.scores).map(([k, s]) => [k, s.enterprise ?? s.self ?? 0]));

/** The deadline of the step an assessment waits on, or null when none is pending. */
export function stepDeadline(a: Pick<Assessment, 'status'>, c: Pick<Campaign, 'deadlines'>): string | null {
  const by: Partial<Record<AssessmentStatus, string>> = {
    draft: c.deadlines.selfAssess,
    returned: c.deadlines.selfAssess,
    submitted: c.deadlines.enterpriseReview,
    forwarded: c.deadlines.sasacReview,
  };
  return by[a.status] ?? null;
}

/** One assessment with the rubric it is graded by, the computed grade and why, its history and objections. */
export async function getAssessment(ctx: Ctx, id: string) {
  const l = await loadAssessment(ctx, id);
  const { a, c } = l;
  const objections = await ctx.db
    .select()
    .from(fivegoodObjections)
    .where(eq(fivegoodObjections.assessmentId, id))
    .orderBy(asc(fivegoodObjections.createdAt));
  const deadline = stepDeadline(a, c);
  return {
    id: a.id,
    campaign: { id: c.id, name: c.name, year: c.year, status: c.status, deadlines: c.deadlines },
    orgId: a.orgId,
    orgName: l.orgName,
    status: a.status,
    statusLabel: ASSESSMENT_STATUS_LABELS[a.status],
    ineligibleReason: a.ineligibleReason,
    rubricVersion: l.rubricVersion,
    rubric: l.rubric,
    scores: a.scores,
    bonus: a.bonus,
    report: a.report,
    siteVisit: a.siteVisit,
    talks: a.talks,
    satisfaction: a.satisfaction,
    vetoes: a.vetoes,
    reviewComment: a.reviewComment,
    proposedGrade: a.proposedGrade,
    grade: a.grade,
    total: a.total,
    result: gradeAssessment(l.rubric, { scores: effectiveScores(a), vetoes: a.vetoes, bonus: a.bonus, satisfaction: a.satisfaction }),
    history: a.history,
    deadline,
    overdue: deadline !== null && cstDate(ctx.now) > deadline,
    objections: objections.map((o) => ({
      id: o.id,
      content: o.content,
      receivedOn: o.receivedOn,
      resolution: o.resolution,
      upheld: o.upheld,
      resolvedAt: o.resolvedAt?.toISOString() ?? null,
    })),
  };
}

/** The assessments of a campaign in the caller's scope (optionally one status), by org name. */
export async function listAssessments(ctx: Ctx, campaignId: string, q: { status?: AssessmentStatus; orgId?: string }) {
  const c = await loadCampaign(ctx, campaignId);
  const under = q.orgId ? (await ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, q.orgId)))[0] : null;
  if (q.orgId && (!under || !inScope(ctx.actor, 'fivegood:read', under.path))) throw notFound('组织');
  const rows = await ctx.db
    .select({
      a: fivegoodAssessments,
      orgName: orgs.name,
      parentName: sql<string | null>`(select p.name from orgs p where p.id = ${orgs.parentId})`,
    })
    .from(fivegoodAssessments)
    .innerJoin(orgs, eq(orgs.id, fivegoodAssessments.orgId))
    .where(
      and(
        eq(fivegoodAssessments.campaignId, campaignId),
        scopeWhere(ctx.actor, 'fivegood:read', orgs.path),
        q.status ? eq(fivegoodAssessments.status, q.status) : undefined,
        under ? sql`starts_with(${orgs.path}, ${under.path})` : undefined,
      ),
    )
    .orderBy(asc(orgs.depth), asc(orgs.sortOrder), asc(orgs.name));
  const today = cstDate(ctx.now);
  return rows.map(({ a, orgName, parentName }) => {
    const deadline = stepDeadline(a, c);
    return {
      id: a.id,
      orgId: a.orgId,
      orgName,
      parentName,
      status: a.status,
      statusLabel: ASSESSMENT_STATUS_LABELS[a.status],
      ineligibleReason: a.ineligibleReason,
      proposedGrade: a.proposedGrade,
      grade: a.grade,
      total: a.total,
      deadline,
      overdue: deadline !== null && today > deadline,
    };
  });
}
