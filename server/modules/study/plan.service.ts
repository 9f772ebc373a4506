import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PlanCreate, PlanItemInput, StudyForm } from '../../../common/study.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { cstDate } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { members } from '../member/member.table.ts';
import { studyReadingSessions } from './material.table.ts';
import { studyPlanItems, studyPlans } from './plan.table.ts';
import { studyRecords } from './record.table.ts';
import { mustExist, studyOrg } from './study-access.service.ts';

type Item = typeof studyPlanItems.$inferSelect & { orgName: string; inherited: boolean };

/** Study done in an org's subtree in a year, counted per form and month (online: reading sessions that earned time). */
async function actuals(ctx: Ctx, orgPath: string, year: number): Promise<Map<string, number>> {
  const under = sql`${orgs.path} like ${`${orgPath}%`}`;
  const recMonth = sql<number>`extract(month from ${studyRecords.occurredOn})::int`;
  const recs = await ctx.db
    .select({ form: studyRecords.form, month: recMonth, n: sql<number>`count(*)::int` })
    .from(studyRecords)
    .innerJoin(orgs, eq(orgs.id, studyRecords.orgId))
    .where(and(under, sql`extract(year from ${studyRecords.occurredOn}) = ${year}`))
    .groupBy(studyRecords.form, recMonth);
  const local = sql`${studyReadingSessions.startedAt} at time zone 'Asia/Shanghai'`;
  const readMonth = sql<number>`extract(month from ${local})::int`;
  const reads = await ctx.db
    .select({ month: readMonth, n: sql<number>`count(*)::int` })
    .from(studyReadingSessions)
    .innerJoin(members, eq(members.id, studyReadingSessions.memberId))
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(under, sql`${studyReadingSessions.creditedSeconds} > 0`, sql`extract(year from ${local}) = ${year}`))
    .groupBy(readMonth);
  const out = new Map<string, number>();
  for (const r of recs) out.set(`${r.form}:${Number(r.month)}`, Number(r.n));
  for (const r of reads) out.set(`online:${Number(r.month)}`, Number(r.n));
  return out;
}

/**
 * 学习计划 of an org for a year: its own plans and items, the items pushed down from the orgs above it, and for every
 * item plan vs actual — done when study of that form took place in the org's subtree that month, missed once the month
 * is over without it.
 */
export async function planView(ctx: Ctx, q: { orgId: string; year: number }) {
  const o = await studyOrg(ctx, q.orgId);
  const ancestors = o.path.split('/').filter((id) => id && id !== o.id);
  const plans = await ctx.db
    .select({ p: studyPlans, orgName: orgs.name })
    .from(studyPlans)
    .innerJoin(orgs, eq(orgs.id, studyPlans.orgId))
    .where(and(eq(studyPlans.year, q.year), inArray(studyPlans.orgId, [o.id, ...ancestors])))
    .orderBy(asc(orgs.depth), asc(studyPlans.quarter));
  const planIds = plans.map((p) => p.p.id);
  const rows = planIds.length
    ? await ctx.db.select().from(studyPlanItems).where(inArray(studyPlanItems.planId, planIds)).orderBy(asc(studyPlanItems.month))
    : [];
  const byPlan = new Map(plans.map((p) => [p.p.id, p]));
  const items: Item[] = rows
    .map((i) => {
      const p = byPlan.get(i.planId);
      return { ...i, orgName: p?.orgName ?? '', inherited: p?.p.orgId !== o.id };
    })
    .filter((i) => !i.inherited || i.pushed);
  const done = await actuals(ctx, o.path, q.year);
  const today = cstDate(ctx.now);
  const nowMonth = Number(today.slice(0, 4)) > q.year ? 13 : Number(today.slice(0, 4)) < q.year ? 0 : Number(today.slice(5, 7));
  const withStatus = items.map((i) => {
    const actual = done.get(`${i.form}:${i.month}`) ?? 0;
    const status = actual > 0 ? 'done' : i.month < nowMonth ? 'missed' : 'upcoming';
    return {
      id: i.id,
      planId: i.planId,
      month: i.month,
      theme: i.theme,
      form: i.form as StudyForm,
      title: i.title,
      responsible: i.responsible,
      pushed: i.pushed,
      inherited: i.inherited,
      fromOrg: i.orgName,
      actual,
      status: status as 'done' | 'missed' | 'upcoming',
    };
  });
  return {
    orgId: o.id,
    year: q.year,
    plans: plans.filter((p) => p.p.orgId === o.id).map((p) => ({ id: p.p.id, title: p.p.title, quarter: p.p.quarter })),
    items: withStatus,
    summary: {
      planned: withStatus.length,
      done: withStatus.filter((i) => i.status === 'done').length,
      missed: withStatus.filter((i) => i.status === 'missed').length,
    },
  };
}

/** A new annual (quarter null) or quarterly plan of an org; one per org, year and quarter. */
export async function createPlan(ctx: Ctx, input: PlanCreate) {
  const o = await studyOrg(ctx, input.orgId);
  return withTx(ctx, async (tx) => {
    const [dup] = await tx.db
      .select({ id: studyPlans.id })
      .from(studyPlans)
      .where(
        and(eq(studyPlans.orgId, o.id), eq(studyPlans.year, input.year), sql`coalesce(${studyPlans.quarter}, 0) = ${input.quarter ?? 0}`),
      );
    if (dup)
      throw conflict(
        input.quarter ? `本组织 ${input.year} 年第 ${input.quarter} 季度已有学习计划` : `本组织 ${input.year} 年已有年度学习计划`,
      );
    const [p] = await tx.db
      .insert(studyPlans)
      .values({ ...input, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    await audit(tx, {
      action: 'study.plan.create',
      objectType: 'study_plan',
      objectId: p.id,
      orgId: o.id,
      orgPath: o.path,
      detail: { year: p.year, quarter: p.quarter },
    });
    return { id: p.id, title: p.title, quarter: p.quarter };
  });
}

async function loadPlan(ctx: Ctx, id: string) {
  const [r] = await ctx.db
    .select({ p: studyPlans, orgPath: orgs.path })
    .from(studyPlans)
    .innerJoin(orgs, eq(orgs.id, studyPlans.orgId))
    .where(eq(studyPlans.id, id));
  mustExist(r, '学习计划');
  return r;
}

/** Adds an item to a plan; a quarterly plan takes only months of its quarter; `pushed` items reach every org below. */
export async function addPlanItem(ctx: Ctx, planId: string, input: PlanItemInput) {
  const r = await loadPlan(ctx, planId);
  const q = r.p.quarter;
  if (q && (input.month < q * 3 - 2 || input.month > q * 3)) throw conflict(`第 ${q} 季度计划只能安排 ${q * 3 - 2}—${q * 3} 月的学习`);
  return withTx(ctx, async (tx) => {
    const [i] = await tx.db
      .insert(studyPlanItems)
      .values({ ...input, responsible: input.responsible ?? null, planId, createdAt: ctx.now })
      .returning();
    await tx.db.update(studyPlans).set({ updatedAt: ctx.now }).where(eq(studyPlans.id, planId));
    await audit(tx, {
      action: 'study.plan.item_add',
      objectType: 'study_plan',
      objectId: planId,
      orgId: r.p.orgId,
      orgPath: r.orgPath,
      detail: { title: i.title, month: i.month, pushed: i.pushed },
    });
    return { id: i.id };
  });
}

/** Removes a plan item (also from the orgs below when it was pushed). */
export async function deletePlanItem(ctx: Ctx, itemId: string) {
  const [i] = await ctx.db.select().from(studyPlanItems).where(eq(studyPlanItems.id, itemId));
  mustExist(i, '学习计划事项');
  const r = await loadPlan(ctx, i.planId);
  await withTx(ctx, async (tx) => {
    await tx.db.delete(studyPlanItems).where(eq(studyPlanItems.id, itemId));
    await audit(tx, {
      action: 'study.plan.item_delete',
      objectType: 'study_plan',
      objectId: i.planId,
      orgId: r.p.orgId,
      orgPath: r.orgPath,
      detail: { title: i.title },
    });
  });
}
