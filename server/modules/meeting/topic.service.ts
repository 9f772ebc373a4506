import { and, desc, eq, gte, ilike, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { inScope, scopePaths } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { escapeLike, scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { userRoles } from '../../platform/auth/user.table.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import type { TopicCreateT, TopicUpdateT } from './topic.schema.ts';
import { type FirstTopic, firstTopics } from './topic.table.ts';

/** A topic is visible where it was published (the publisher's subtree) or, once pushed, below its publisher. */
function visibleWhere(ctx: Ctx): SQL {
  const paths = scopePaths(ctx.actor, 'meeting:read');
  const below = paths.length
    ? sql.join(
        paths.map((p) => sql`${p} like ${orgs.path} || '%'`),
        sql` or `,
      )
    : sql`false`;
  return or(scopeWhere(ctx.actor, 'meeting:read', orgs.path), and(isNotNull(firstTopics.pushedAt), sql`(${below})`)) as SQL;
}

function out(t: FirstTopic, orgName: string, orgPath: string, ctx: Ctx) {
  return {
    id: t.id,
    orgId: t.orgId,
    orgName,
    title: t.title,
    source: t.source,
    publishedOn: t.publishedOn,
    material: t.material,
    pushedAt: t.pushedAt?.toISOString() ?? null,
    canEdit: inScope(ctx.actor, 'topic:write', orgPath),
  };
}

/** The topic bank as the caller sees it: own subtree's topics and topics pushed down to it. */
export async function listTopics(ctx: Ctx, q: { year?: number; q?: string }) {
  const rows = await ctx.db
    .select({ t: firstTopics, orgName: orgs.name, orgPath: orgs.path })
    .from(firstTopics)
    .innerJoin(orgs, eq(orgs.id, firstTopics.orgId))
    .where(
      and(
        visibleWhere(ctx),
        q.year ? and(gte(firstTopics.publishedOn, `${q.year}-01-01`), lt(firstTopics.publishedOn, `${q.year + 1}-01-01`)) : undefined,
        q.q ? ilike(firstTopics.title, `%${escapeLike(q.q)}%`) : undefined,
      ),
    )
    .orderBy(desc(firstTopics.publishedOn), desc(firstTopics.createdAt))
    .limit(500);
  return rows.map((r) => out(r.t, r.orgName, r.orgPath, ctx));
}

async function loadTopic(ctx: Ctx, id: string, write = false) {
  const [row] = await ctx.db
    .select({ t: firstTopics, orgName: orgs.name, orgPath: orgs.path })
    .from(firstTopics)
    .innerJoin(orgs, eq(orgs.id, firstTopics.orgId))
    .where(and(eq(firstTopics.id, id), visibleWhere(ctx)));
  if (!row) throw notFound('议题');
  if (write && !inScope(ctx.actor, 'topic:write', row.orgPath)) throw forbidden('只有发布该议题的党组织才能修改或下发');
  return row;
}

/** One topic. */
export async function getTopic(ctx: Ctx, id: string) {
  const r = await loadTopic(ctx, id);
  return out(r.t, r.orgName, r.orgPath, ctx);
}

/** Adds a topic to the bank of a committee in the caller's scope. */
export async function createTopic(ctx: Ctx, input: TopicCreateT) {
  const [org] = await ctx.db.select().from(orgs).where(eq(orgs.id, input.orgId));
  if (!org || !inScope(ctx.actor, 'meeting:read', org.path)) throw notFound('组织');
  if (!inScope(ctx.actor, 'topic:write', org.path)) throw forbidden('您没有管理该组织议题库的权限');
  return withTx(ctx, async (tx) => {
    const [t] = await tx.db
      .insert(firstTopics)
      .values({ ...input, material: input.material ?? null, createdBy: ctx.actor?.userId ?? null, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    await audit(tx, {
      action: 'topic.create',
      objectType: 'first_topic',
      objectId: t.id,
      orgId: org.id,
      orgPath: org.path,
      detail: { title: t.title },
    });
    return out(t, org.name, org.path, ctx);
  });
}

/** Edits a topic of the caller's own bank. */
export async function updateTopic(ctx: Ctx, id: string, patch: TopicUpdateT) {
  const r = await loadTopic(ctx, id, true);
  if (patch.version !== undefined && patch.version !== r.t.version) throw conflict('该议题已被他人修改，请刷新后重试');
  const { version: _v, ...fields } = patch;
  return withTx(ctx, async (tx) => {
    const [t] = await tx.db
      .update(firstTopics)
      .set({ ...fields, updatedAt: ctx.now, version: r.t.version + 1 })
      .where(eq(firstTopics.id, id))
      .returning();
    await audit(tx, {
      action: 'topic.update',
      objectType: 'first_topic',
      objectId: id,
      orgId: t.orgId,
      orgPath: r.orgPath,
      detail: { fields: Object.keys(fields) },
    });
    return out(t, r.orgName, r.orgPath, ctx);
  });
}

/** 下发: the topic becomes visible to the whole subtree; its secretaries and committee staff are notified. */
export async function pushTopic(ctx: Ctx, id: string) {
  const r = await loadTopic(ctx, id, true);
  if (r.t.pushedAt) throw conflict('该议题已下发');
  return withTx(ctx, async (tx) => {
    const [t] = await tx.db.update(firstTopics).set({ pushedAt: ctx.now, updatedAt: ctx.now }).where(eq(firstTopics.id, id)).returning();
    const recipients = await tx.db
      .selectDistinct({ userId: userRoles.userId })
      .from(userRoles)
      .innerJoin(orgs, eq(orgs.id, userRoles.orgId))
      .where(
        and(
          inArray(userRoles.role, ['branch_secretary', 'enterprise_staff']),
          sql`${orgs.path} like ${`${r.orgPath}%`}`,
          sql`${orgs.path} <> ${r.orgPath}`,
        ),
      );
    const sent = await notify(tx, {
      userIds: recipients.map((x) => x.userId),
      kind: 'first_topic.pushed',
      title: `第一议题下发：${t.title}`,
      body: `${r.orgName}下发第一议题（${t.source}，${t.publishedOn}），请在最近一次会议上作为第一议题传达学习。`,
      link: `/meetings/topics/${t.id}`,
      dedupeKey: `first-topic-push:${t.id}`,
    });
    await audit(tx, {
      action: 'topic.push',
      objectType: 'first_topic',
      objectId: id,
      orgId: t.orgId,
      orgPath: r.orgPath,
      detail: { notified: sent },
    });
    return out(t, r.orgName, r.orgPath, ctx);
  });
}

/** Of `ids`, those a meeting of the org at `orgPath` may link: published above or at it, and pushed unless its own. */
export async function visibleTopicIds(ctx: Ctx, orgPath: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await ctx.db
    .select({ id: firstTopics.id })
    .from(firstTopics)
    .innerJoin(orgs, eq(orgs.id, firstTopics.orgId))
    .where(
      and(
        inArray(firstTopics.id, ids),
        sql`${orgPath} like ${orgs.path} || '%'`,
        or(isNotNull(firstTopics.pushedAt), eq(orgs.path, orgPath)),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
