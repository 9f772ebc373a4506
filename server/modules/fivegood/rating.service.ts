import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { inScope } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { cstDate } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { blank, docTitle, para, signatureBlock, toBuffer } from '../../platform/export/docx.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { loadOrgInScope } from '../org/org.service.ts';
import { fivegoodAssessments, fivegoodCampaigns, fivegoodRubrics } from './fivegood.table.ts';
import { fivegoodRatings, fivegoodRectifications, fivegoodVetoEvents, type Rating } from './rating.table.ts';
import { ensureRubric } from './rubric.service.ts';

const out = (r: Rating & { orgName: string }) => ({
  id: r.id,
  orgId: r.orgId,
  orgName: r.orgName,
  year: r.year,
  campaignId: r.campaignId,
  kind: r.kind,
  grade: r.grade,
  label: r.label,
  previousGrade: r.previousGrade,
  change: (r.previousGrade === null ? 'new' : r.grade > r.previousGrade ? 'up' : r.grade < r.previousGrade ? 'down' : 'same') as
    | 'new'
    | 'up'
    | 'down'
    | 'same',
  reason: r.reason,
  plaqueNo: r.plaqueNo,
  plaqueStatus: r.plaqueStatus,
  revokedOn: r.revokedOn,
  revokedReason: r.revokedReason,
  createdAt: r.createdAt.toISOString(),
});

/** Rating history (命名、升降级、摘牌) in the caller's scope; `plaques` = only the plaque register. */
export async function listRatings(ctx: Ctx, q: { orgId?: string; year?: number; plaques?: boolean }) {
  const under = q.orgId ? await loadOrgInScope(ctx, q.orgId) : null;
  const rows = await ctx.db
    .select({ r: fivegoodRatings, orgName: orgs.name })
    .from(fivegoodRatings)
    .innerJoin(orgs, eq(orgs.id, fivegoodRatings.orgId))
    .where(
      and(
        scopeWhere(ctx.actor, 'fivegood:read', orgs.path),
        under ? sql`starts_with(${orgs.path}, ${under.path})` : undefined,
        q.year ? eq(fivegoodRatings.year, q.year) : undefined,
        q.plaques ? sql`${fivegoodRatings.plaqueNo} is not null` : undefined,
      ),
    )
    .orderBy(desc(fivegoodRatings.createdAt), asc(orgs.name))
    .limit(5000);
  return rows.map((x) => out({ ...x.r, orgName: x.orgName }));
}

/** The naming certificate of a rating with a plaque, as a Word document. */
export async function certificate(ctx: Ctx, id: string): Promise<{ fileName: string; buf: Buffer; orgId: string; orgPath: string }> {
  const [r] = await ctx.db
    .select({
      r: fivegoodRatings,
      orgName: orgs.name,
      orgPath: orgs.path,
      issuer: sql<string>`(select io.name from fivegood_campaigns c join orgs io on io.id = c.org_id where c.id = ${fivegoodRatings.campaignId})`,
    })
    .from(fivegoodRatings)
    .innerJoin(orgs, eq(orgs.id, fivegoodRatings.orgId))
    .where(eq(fivegoodRatings.id, id));
  if (!r || !inScope(ctx.actor, 'fivegood:read', r.orgPath)) throw notFound('命名记录');
  if (r.r.kind !== 'named') throw invalid('只有命名记录可以生成证书');
  if (r.r.plaqueStatus === 'revoked') throw conflict(`该支部已于${r.r.revokedOn}摘牌，证书作废`);
  const buf = await toBuffer(
    [
      docTitle('荣 誉 证 书'),
      para(`${r.orgName}：`, { indent: false }),
      para(`经支部自评、企业党委考评、州国资委党委审定并公示，你支部被评定为${r.r.year}年度"${r.r.label}"标准化规范化党支部，特发此证。`),
      blank(),
      para(r.r.plaqueNo ? `证书编号：${r.r.plaqueNo}` : `评定等次：${r.r.label}`, { indent: false }),
      ...signatureBlock(r.issuer ?? '州国资委党委', r.r.createdAt),
    ],
    { title: `${r.orgName}${r.r.year}年度${r.r.label}证书` },
  );
  return { fileName: `${r.orgName}-${r.r.year}年度${r.r.label}证书.docx`, buf, orgId: r.r.orgId, orgPath: r.orgPath };
}

/**
 * 否决事项: a veto event during the year demotes the branch at once to the rubric's cap, removes its plaque (摘牌)
 * with the reason, marks the year's open assessment, and opens a rectification item.
 */
export async function recordVeto(ctx: Ctx, input: { orgId: string; conditionKey: string; occurredOn: string; reason: string }) {
  const o = await loadOrgInScope(ctx, input.orgId);
  if (!inScope(ctx.actor, 'fivegood:manage', o.path)) throw forbidden('只有国资委党委可以认定否决事项');
  if (input.occurredOn > cstDate(ctx.now)) throw invalid('发生日期不能晚于今天');
  await ensureRubric(ctx);
  const [cur] = await ctx.db
    .select()
    .from(fivegoodRatings)
    .where(eq(fivegoodRatings.orgId, o.id))
    .orderBy(desc(fivegoodRatings.createdAt))
    .limit(1);
  const [rub] = cur?.campaignId
    ? await ctx.db
        .select({ c: fivegoodRubrics.content })
        .from(fivegoodCampaigns)
        .innerJoin(fivegoodRubrics, eq(fivegoodRubrics.id, fivegoodCampaigns.rubricId))
        .where(eq(fivegoodCampaigns.id, cur.campaignId))
    : await ctx.db.select({ c: fivegoodRubrics.content }).from(fivegoodRubrics).orderBy(desc(fivegoodRubrics.version)).limit(1);
  const rubric = rub.c;
  const cond = rubric.veto.conditions.find((c) => c.key === input.conditionKey);
  if (!cond) throw invalid(`否决项"${input.conditionKey}"不存在`);
  const year = Number(input.occurredOn.slice(0, 4));
  return withTx(ctx, async (tx) => {
    const [ev] = await tx.db
      .insert(fivegoodVetoEvents)
      .values({ ...input, conditionText: cond.text, createdAt: ctx.now })
      .returning();
    let demoted = false;
    if (cur && cur.grade > rubric.veto.capGradeAt) {
      demoted = true;
      if (cur.plaqueStatus === 'active')
        await tx.db
          .update(fivegoodRatings)
          .set({ plaqueStatus: 'revoked', revokedOn: cstDate(ctx.now), revokedReason: `${cond.text}：${input.reason}` })
          .where(eq(fivegoodRatings.id, cur.id));
      await tx.db.insert(fivegoodRatings).values({
        orgId: o.id,
        year: cur.year,
        campaignId: cur.campaignId,
        kind: 'veto',
        grade: rubric.veto.capGradeAt,
        label: rubric.labels[rubric.veto.capGradeAt],
        previousGrade: cur.grade,
        reason: `发生否决事项（${cond.text}），即时降级：${input.reason}`,
        createdAt: ctx.now,
      });
    }
    await tx.db.execute(sql`update fivegood_assessments a set vetoes = a.vetoes || ${JSON.stringify([cond.key])}::jsonb
      from fivegood_campaigns c where c.id = a.campaign_id and c.year = ${year} and c.status = 'open' and a.org_id = ${o.id}
      and a.status <> 'ineligible' and not (a.vetoes ? ${cond.key})`);
    const [camp] = await tx.db
      .select({ d: fivegoodCampaigns.deadlines })
      .from(fivegoodCampaigns)
      .innerJoin(fivegoodAssessments, eq(fivegoodAssessments.campaignId, fivegoodCampaigns.id))
      .where(eq(fivegoodAssessments.orgId, o.id))
      .orderBy(desc(fivegoodCampaigns.year))
      .limit(1);
    await tx.db.insert(fivegoodRectifications).values({
      orgId: o.id,
      item: `否决事项整改：${cond.text}（${input.reason}）`,
      owner: '支部书记',
      deadline: camp?.d.rectify ?? `${year}-12-31`,
      createdAt: ctx.now,
    });
    await notify(tx, {
      orgId: o.id,
      roles: ['branch_secretary', 'enterprise_staff'],
      kind: 'fivegood.veto',
      level: 'urgent',
      title: `${o.name}发生否决事项：${cond.text}${demoted ? '，已即时降级并摘牌' : ''}`,
      link: '/fivegood/dynamic',
    });
    await audit(tx, {
      action: 'fivegood.veto',
      objectType: 'fivegood_veto_event',
      objectId: ev.id,
      orgId: o.id,
      orgPath: o.path,
      detail: { ...input, demoted },
    });
    return { id: ev.id, demoted, grade: demoted ? rubric.veto.capGradeAt : (cur?.grade ?? null) };
  });
}

/** 整改台账 in the caller's scope: open items first, then by deadline. */
export async function listRectifications(ctx: Ctx, q: { orgId?: string; status?: 'open' | 'closed' }) {
  const under = q.orgId ? await loadOrgInScope(ctx, q.orgId) : null;
  const today = cstDate(ctx.now);
  const rows = await ctx.db
    .select({ r: fivegoodRectifications, orgName: orgs.name })
    .from(fivegoodRectifications)
    .innerJoin(orgs, eq(orgs.id, fivegoodRectifications.orgId))
    .where(
      and(
        scopeWhere(ctx.actor, 'fivegood:read', orgs.path),
        under ? sql`starts_with(${orgs.path}, ${under.path})` : undefined,
        q.status ? eq(fivegoodRectifications.status, q.status) : undefined,
      ),
    )
    .orderBy(desc(fivegoodRectifications.status), asc(fivegoodRectifications.deadline))
    .limit(5000);
  return rows.map(({ r, orgName }) => ({
    id: r.id,
    orgId: r.orgId,
    orgName,
    item: r.item,
    owner: r.owner,
    deadline: r.deadline,
    status: r.status,
    overdue: r.status === 'open' && today > r.deadline,
    closeNote: r.closeNote,
    closedAt: r.closedAt?.toISOString() ?? null,
  }));
}

/** Adds an item to a branch's 整改台账 (enterprise or SASAC staff). */
export async function addRectification(ctx: Ctx, input: { orgId: string; item: string; owner: string; deadline: string }) {
  const o = await loadOrgInScope(ctx, input.orgId);
  if (!inScope(ctx.actor, 'fivegood:review', o.path)) throw forbidden('您没有为该支部建立整改事项的权限');
  const id = await withTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(fivegoodRectifications)
      .values({ ...input, createdAt: ctx.now })
      .returning();
    await audit(tx, {
      action: 'fivegood.rectification.create',
      objectType: 'fivegood_rectification',
      objectId: r.id,
      orgId: o.id,
      orgPath: o.path,
      detail: input,
    });
    return r.id;
  });
  return one(ctx, id);
}

async function one(ctx: Ctx, id: string) {
  const [r] = await ctx.db
    .select({ orgId: fivegoodRectifications.orgId })
    .from(fivegoodRectifications)
    .where(eq(fivegoodRectifications.id, id));
  const found = (await listRectifications(ctx, { orgId: r.orgId })).find((x) => x.id === id);
  if (!found) throw notFound('整改事项');
  return found;
}

/** 整改销号: closes an item with what was done (the branch or its supervisors). */
export async function closeRectification(ctx: Ctx, id: string, note: string) {
  const [r] = await ctx.db
    .select({ r: fivegoodRectifications, path: orgs.path })
    .from(fivegoodRectifications)
    .innerJoin(orgs, eq(orgs.id, fivegoodRectifications.orgId))
    .where(eq(fivegoodRectifications.id, id));
  if (!r || !inScope(ctx.actor, 'fivegood:read', r.path)) throw notFound('整改事项');
  if (!inScope(ctx.actor, 'fivegood:assess', r.path) && !inScope(ctx.actor, 'fivegood:review', r.path))
    throw forbidden('您没有为该事项销号的权限');
  if (r.r.status === 'closed') throw conflict('该整改事项已销号');
  await withTx(ctx, async (tx) => {
    await tx.db
      .update(fivegoodRectifications)
      .set({ status: 'closed', closeNote: note, closedAt: ctx.now })
      .where(eq(fivegoodRectifications.id, id));
    await audit(tx, {
      action: 'fivegood.rectification.close',
      objectType: 'fivegood_rectification',
      objectId: id,
      orgId: r.r.orgId,
      orgPath: r.path,
      detail: { note },
    });
  });
  return one(ctx, id);
}
