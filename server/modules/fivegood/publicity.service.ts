import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.service.ts';
import { cstDate } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { effectiveScores, getAssessment, loadAssessment } from './assessment.service.ts';
import { getCampaign, loadCampaign } from './campaign.service.ts';
import { addWorkingDays, gradeAssessment } from './fivegood.rules.ts';
import { fivegoodAssessments, fivegoodObjections } from './fivegood.table.ts';
import { fivegoodRatings, fivegoodRectifications } from './rating.table.ts';
import { loadRubric } from './rubric.service.ts';

/**
 * 公示: once every eligible branch is confirmed, records the notice (posted from `from`, default today, never in the
 * future) for the rubric's (or the rule table's) number of working days.
 */
export async function publicize(ctx: Ctx, campaignId: string, fromDate?: string) {
  const c = await loadCampaign(ctx, campaignId, true);
  if (c.status !== 'open') throw conflict('该活动已进入公示或已命名');
  const pending = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(fivegoodAssessments)
    .where(
      and(eq(fivegoodAssessments.campaignId, c.id), inArray(fivegoodAssessments.status, ['draft', 'submitted', 'returned', 'forwarded'])),
    );
  if (Number(pending[0].n) > 0) throw conflict(`还有${pending[0].n}个支部未完成审定，不能公示`);
  const rubric = await loadRubric(ctx, c.rubricId);
  const rule = (await rules(ctx)).publicity as { default_working_days?: number; holidays?: string[] } | undefined;
  const n = rubric.content.publicityWorkingDays ?? rule?.default_working_days ?? 5;
  const today = cstDate(ctx.now);
  const from = fromDate ?? today;
  if (from > today) throw invalid('公示开始日期不能晚于今天');
  const to = addWorkingDays(from, n, rule?.holidays ?? []);
  await withTx(ctx, async (tx) => {
    await tx.db.execute(
      sql`update fivegood_campaigns set status = 'publicizing', publicity_from = ${from}, publicity_to = ${to} where id = ${c.id}`,
    );
    await audit(tx, {
      action: 'fivegood.campaign.publicize',
      objectType: 'fivegood_campaign',
      objectId: c.id,
      orgId: c.orgId,
      orgPath: c.orgPath,
      detail: { from, to, workingDays: n },
    });
  });
  return getCampaign(ctx, c.id);
}

/** Records an objection against a branch's grade received during the notice period. */
export async function addObjection(ctx: Ctx, assessmentId: string, content: string) {
  const l = await loadAssessment(ctx, assessmentId, 'fivegood:manage');
  const today = cstDate(ctx.now);
  if (l.c.status !== 'publicizing' || !l.c.publicityTo || today > l.c.publicityTo) throw conflict('不在公示期内，不能登记异议');
  await withTx(ctx, async (tx) => {
    const [o] = await tx.db.insert(fivegoodObjections).values({ assessmentId, content, receivedOn: today, createdAt: ctx.now }).returning();
    await audit(tx, {
      action: 'fivegood.objection.create',
      objectType: 'fivegood_objection',
      objectId: o.id,
      orgId: l.a.orgId,
      orgPath: l.orgPath,
      detail: { content },
    });
  });
  return getAssessment(ctx, assessmentId);
}

/** Resolves an objection: upheld sends the assessment back to 待国资委审定 to be re-graded; dismissed keeps the grade. */
export async function resolveObjection(ctx: Ctx, id: string, input: { upheld: boolean; resolution: string }) {
  const [o] = await ctx.db.select().from(fivegoodObjections).where(eq(fivegoodObjections.id, id));
  if (!o) throw notFound('异议');
  const l = await loadAssessment(ctx, o.assessmentId, 'fivegood:manage').catch((e) => {
    throw e.code === 'NOT_FOUND' ? notFound('异议') : e;
  });
  if (o.resolvedAt) throw conflict('该异议已处理');
  await withTx(ctx, async (tx) => {
    await tx.db
      .update(fivegoodObjections)
      .set({ upheld: input.upheld, resolution: input.resolution, resolvedAt: ctx.now })
      .where(eq(fivegoodObjections.id, id));
    if (input.upheld) {
      const step = {
        at: ctx.now.toISOString(),
        by: ctx.actor?.name ?? '',
        action: 'objection',
        from: l.a.status,
        to: 'forwarded',
        reason: `异议成立：${input.resolution}`,
      };
      await tx.db
        .update(fivegoodAssessments)
        .set({ status: 'forwarded', grade: null, history: [...l.a.history, step], updatedAt: ctx.now })
        .where(eq(fivegoodAssessments.id, l.a.id));
    }
    await audit(tx, {
      action: 'fivegood.objection.resolve',
      objectType: 'fivegood_objection',
      objectId: id,
      orgId: l.a.orgId,
      orgPath: l.orgPath,
      detail: input,
    });
  });
  return getAssessment(ctx, o.assessmentId);
}

/**
 * 命名: after the notice period ends with every objection resolved, names the year's grades: one rating per branch
 * (with a plaque number for 五个好), and a 整改台账 item for each unmet dimension and veto of branches at the cap or below.
 */
export async function nameCampaign(ctx: Ctx, campaignId: string) {
  const c = await loadCampaign(ctx, campaignId, true);
  const today = cstDate(ctx.now);
  if (c.status !== 'publicizing' || !c.publicityTo) throw conflict('须先公示，公示期满后才能命名');
  if (today <= c.publicityTo) throw conflict(`公示期至${c.publicityTo}，期满后才能命名`);
  const open = await ctx.db
    .select({ id: fivegoodObjections.id })
    .from(fivegoodObjections)
    .innerJoin(fivegoodAssessments, eq(fivegoodAssessments.id, fivegoodObjections.assessmentId))
    .where(and(eq(fivegoodAssessments.campaignId, c.id), isNull(fivegoodObjections.resolvedAt)));
  if (open.length) throw conflict(`还有${open.length}条异议未处理`);
  const list = await ctx.db.select().from(fivegoodAssessments).where(eq(fivegoodAssessments.campaignId, c.id));
  if (list.some((a) => a.status === 'forwarded')) throw conflict('有支部因异议成立待重新审定，请先审定');
  const rubric = (await loadRubric(ctx, c.rubricId)).content;
  const graded = list.filter((a) => a.status === 'confirmed' && a.grade !== null);
  return withTx(ctx, async (tx) => {
    let plaque = 0;
    for (const a of graded) {
      const [prev] = await tx.db
        .select({ grade: fivegoodRatings.grade })
        .from(fivegoodRatings)
        .where(eq(fivegoodRatings.orgId, a.orgId))
        .orderBy(desc(fivegoodRatings.createdAt))
        .limit(1);
      const grade = a.grade as number;
      const top = grade === rubric.labels.length - 1;
      await tx.db.insert(fivegoodRatings).values({
        orgId: a.orgId,
        year: c.year,
        campaignId: c.id,
        kind: 'named',
        grade,
        label: rubric.labels[grade],
        previousGrade: prev?.grade ?? null,
        reason: `${c.name}审定命名`,
        plaqueNo: top ? `${c.year}-WHG-${String(++plaque).padStart(3, '0')}` : null,
        plaqueStatus: top ? 'active' : null,
        createdAt: ctx.now,
      });
      if (grade <= rubric.veto.capGradeAt) {
        const g = gradeAssessment(rubric, { scores: effectiveScores(a), vetoes: a.vetoes, bonus: a.bonus, satisfaction: a.satisfaction });
        const items = [
          ...g.dimensions.filter((d) => !d.good).map((d) => `${d.name}未达标（${d.score}/${d.points}分），逐项查找差距并整改`),
          ...g.vetoes.map((v) => `否决项：${v.text}，整改到位并形成报告`),
        ];
        if (items.length)
          await tx.db.insert(fivegoodRectifications).values(
            items.map((item) => ({
              orgId: a.orgId,
              campaignId: c.id,
              item,
              owner: '支部书记',
              deadline: c.deadlines.rectify,
              createdAt: ctx.now,
            })),
          );
        await notify(tx, {
          orgId: a.orgId,
          roles: ['branch_secretary'],
          kind: 'fivegood.rectify',
          level: 'warning',
          title: `${c.year}年度评定为${rubric.labels[grade]}，请按整改台账整改`,
          link: '/fivegood/rectifications',
        });
      }
    }
    await tx.db.execute(sql`update fivegood_campaigns set status = 'named', named_on = ${today} where id = ${c.id}`);
    await audit(tx, {
      action: 'fivegood.campaign.name',
      objectType: 'fivegood_campaign',
      objectId: c.id,
      orgId: c.orgId,
      orgPath: c.orgPath,
      detail: { named: graded.length, plaques: plaque },
    });
    return getCampaign(tx, c.id);
  });
}
