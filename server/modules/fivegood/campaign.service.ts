import { and, desc, eq, sql } from 'drizzle-orm';
import type { CampaignCreate } from '../../../common/fivegood.ts';
import { inScope } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { cstDate } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { loadOrgInScope } from '../org/org.service.ts';
import { eligibility } from './fivegood.rules.ts';
import { type Campaign, fivegoodAssessments, fivegoodCampaigns } from './fivegood.table.ts';
import { loadRubric } from './rubric.service.ts';

const counts = (ctx: Ctx) => sql<Record<string, number>>`(select coalesce(jsonb_object_agg(s.status, s.n), '{}'::jsonb) from
  (select a.status, count(*)::int n from fivegood_assessments a join orgs ao on ao.id = a.org_id
   where a.campaign_id = "fivegood_campaigns"."id" and ${scopeWhere(ctx.actor, 'fivegood:read', sql`ao.path`)} group by a.status) s)`;

function out(c: Campaign & { orgName: string; rubricVersion: number }, byStatus: Record<string, number> = {}) {
  return {
    id: c.id,
    orgId: c.orgId,
    orgName: c.orgName,
    year: c.year,
    name: c.name,
    rubricId: c.rubricId,
    rubricVersion: c.rubricVersion,
    deadlines: c.deadlines,
    status: c.status,
    publicityFrom: c.publicityFrom,
    publicityTo: c.publicityTo,
    namedOn: c.namedOn,
    byStatus,
  };
}

const cols = {
  c: fivegoodCampaigns,
  orgName: orgs.name,
  orgPath: orgs.path,
  rubricVersion: sql<number>`(select version from fivegood_rubrics r where r.id = "fivegood_campaigns"."rubric_id")`,
};

/** A campaign is visible when launched in the caller's scope or when one of its branches is. */
const visible = (ctx: Ctx) =>
  sql`(${scopeWhere(ctx.actor, 'fivegood:read', orgs.path)} or exists (select 1 from fivegood_assessments va join orgs vo on vo.id = va.org_id
    where va.campaign_id = "fivegood_campaigns"."id" and ${scopeWhere(ctx.actor, 'fivegood:read', sql`vo.path`)}))`;

/** Campaigns the caller may see, newest year first. */
export async function listCampaigns(ctx: Ctx) {
  const rows = await ctx.db
    .select({ ...cols, byStatus: counts(ctx) })
    .from(fivegoodCampaigns)
    .innerJoin(orgs, eq(orgs.id, fivegoodCampaigns.orgId))
    .where(visible(ctx))
    .orderBy(desc(fivegoodCampaigns.year));
  return rows.map((r) => out({ ...r.c, orgName: r.orgName, rubricVersion: Number(r.rubricVersion) }, r.byStatus ?? {}));
}

/** Loads a campaign the caller may see; else 404. `manage`: the caller must hold fivegood:manage at its org. */
export async function loadCampaign(ctx: Ctx, id: string, manage = false) {
  const [r] = await ctx.db
    .select(cols)
    .from(fivegoodCampaigns)
    .innerJoin(orgs, eq(orgs.id, fivegoodCampaigns.orgId))
    .where(and(eq(fivegoodCampaigns.id, id), visible(ctx)));
  if (!r) throw notFound('创建活动');
  if (manage && !inScope(ctx.actor, 'fivegood:manage', r.orgPath)) throw forbidden('只有发起活动的国资委党委可以执行此操作');
  return { ...r.c, orgName: r.orgName, orgPath: r.orgPath, rubricVersion: Number(r.rubricVersion) };
}

/** One campaign with its assessment counts by status (within the caller's scope). */
export async function getCampaign(ctx: Ctx, id: string) {
  const c = await loadCampaign(ctx, id);
  const rows = await ctx.db
    .select({ status: fivegoodAssessments.status, n: sql<number>`count(*)::int` })
    .from(fivegoodAssessments)
    .innerJoin(orgs, eq(orgs.id, fivegoodAssessments.orgId))
    .where(and(eq(fivegoodAssessments.campaignId, id), scopeWhere(ctx.actor, 'fivegood:read', orgs.path)))
    .groupBy(fivegoodAssessments.status);
  return out(c, Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])));
}

/**
 * 部署: launches the year's campaign at an org with a rubric version and step deadlines; every active branch below
 * takes part unless excluded, and the rubric's eligibility rules mark young or flagged branches 不参评.
 */
export async function launchCampaign(ctx: Ctx, input: CampaignCreate) {
  const root = await loadOrgInScope(ctx, input.orgId);
  if (!inScope(ctx.actor, 'fivegood:manage', root.path)) throw forbidden('您没有在该组织发起创建活动的权限');
  const rubric = await loadRubric(ctx, input.rubricId);
  const d = input.deadlines;
  if (!(d.selfAssess <= d.enterpriseReview && d.enterpriseReview <= d.sasacReview))
    throw invalid('截止日期须依次为：支部自评 ≤ 企业党委考评 ≤ 国资委审定');
  const today = cstDate(ctx.now);
  const branches = await ctx.db
    .select()
    .from(orgs)
    .where(and(eq(orgs.status, 'active'), eq(orgs.type, 'branch'), sql`starts_with(${orgs.path}, ${root.path})`));
  const taking = branches.filter((b) => !input.excludeOrgIds.includes(b.id));
  if (taking.length === 0) throw invalid('该组织下没有参加创建的党支部');
  return withTx(ctx, async (tx) => {
    const [dup] = await tx.db
      .select({ id: fivegoodCampaigns.id })
      .from(fivegoodCampaigns)
      .where(and(eq(fivegoodCampaigns.orgId, root.id), eq(fivegoodCampaigns.year, input.year)));
    if (dup) throw conflict(`${input.year}年度的创建活动已经发起`);
    const [c] = await tx.db
      .insert(fivegoodCampaigns)
      .values({ orgId: root.id, year: input.year, name: input.name, rubricId: rubric.id, deadlines: d, createdAt: ctx.now })
      .returning();
    const by = ctx.actor?.name ?? '系统';
    const values = taking.map((b) => {
      const e = eligibility(rubric.content, { foundedOn: b.foundedOn, flags: b.attributes ?? {} }, today);
      const status = e.eligible ? ('draft' as const) : ('ineligible' as const);
      return {
        campaignId: c.id,
        orgId: b.id,
        status,
        ineligibleReason: e.reason,
        history: [{ at: ctx.now.toISOString(), by, action: 'launch', from: '', to: status, reason: e.reason ?? '发起创建活动' }],
        updatedAt: ctx.now,
      };
    });
    for (let i = 0; i < values.length; i += 500) await tx.db.insert(fivegoodAssessments).values(values.slice(i, i + 500));
    for (const v of values.filter((x) => x.status === 'draft'))
      await notify(tx, {
        orgId: v.orgId,
        roles: ['branch_secretary'],
        kind: 'fivegood.self_assess',
        title: `请完成${input.year}年度"五个好"支部自评`,
        body: `${input.name}：请于${d.selfAssess}前逐项自评、上传佐证材料并由书记提交。`,
        link: '/fivegood/assessments',
        dedupeKey: `fivegood:${c.id}:${v.orgId}`,
      });
    await audit(tx, {
      action: 'fivegood.campaign.launch',
      objectType: 'fivegood_campaign',
      objectId: c.id,
      orgId: root.id,
      orgPath: root.path,
      detail: {
        year: input.year,
        rubricVersion: rubric.version,
        branches: values.length,
        ineligible: values.filter((v) => v.status === 'ineligible').length,
      },
    });
    return getCampaign(tx, c.id);
  });
}
