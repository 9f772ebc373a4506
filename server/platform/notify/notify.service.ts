import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../common/access.ts';
import { orgs } from '../access/org.table.ts';
import { audit } from '../audit/audit.service.ts';
import { userRoles, users } from '../auth/user.table.ts';
import { type Ctx, withTx } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { notifications } from './notify.table.ts';

export type NotifyLevel = 'info' | 'warning' | 'urgent';

export type NotifyInput = {
  /** explicit recipients */
  userIds?: string[];
  /** with `roles`: everyone holding one of them at this org or at an ancestor (a role reaches its subtree) */
  orgId?: string;
  roles?: Role[];
  kind: string;
  level?: NotifyLevel;
  title: string;
  body?: string;
  link?: string;
  /** the same (user, dedupeKey) is stored once, so a daily job may run again without duplicates */
  dedupeKey?: string;
};

/** Active accounts holding one of `roles` at `orgId` or at an org above it. */
export async function recipientsAt(ctx: Ctx, orgId: string, roles: Role[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const target = sql`(select t.path from orgs t where t.id = ${orgId})`;
  const rows = await ctx.db
    .selectDistinct({ userId: userRoles.userId })
    .from(userRoles)
    .innerJoin(orgs, eq(orgs.id, userRoles.orgId))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(inArray(userRoles.role, roles), eq(users.disabled, false), sql`starts_with(${target}, ${orgs.path})`));
  return rows.map((r) => r.userId);
}

/** 站内提醒: resolves recipients and inserts one notification each, idempotently; returns how many were new. */
export async function notify(ctx: Ctx, input: NotifyInput): Promise<number> {
  if (input.roles?.length && !input.orgId) throw new AppError('BAD_REQUEST', '按角色发送提醒时必须指定组织');
  // the bell renders `link` as an in-app route: never another origin or a script URL
  if (input.link && !/^\/(?![/\\])/.test(input.link)) throw new AppError('BAD_REQUEST', '提醒链接必须是站内路径（以 / 开头）');
  const byRole = input.orgId && input.roles ? await recipientsAt(ctx, input.orgId, input.roles) : [];
  const userIds = [...new Set([...(input.userIds ?? []), ...byRole])];
  if (userIds.length === 0) return 0;
  const inserted = await ctx.db
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        userId,
        kind: input.kind,
        level: input.level ?? 'info',
        title: input.title,
        body: input.body ?? null,
        link: input.link ?? null,
        dedupeKey: input.dedupeKey ?? null,
        createdAt: ctx.now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}

function mine(ctx: Ctx) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return ctx.actor.userId;
}

/** The caller's own notifications, newest first, with the total and the unread count (for the bell). */
export async function listNotifications(ctx: Ctx, q: { unreadOnly?: boolean; page: number; pageSize: number }) {
  const userId = mine(ctx);
  const own = eq(notifications.userId, userId);
  const where = q.unreadOnly ? and(own, isNull(notifications.readAt)) : own;
  const items = await ctx.db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      level: notifications.level,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await ctx.db.select({ total: count() }).from(notifications).where(where);
  const [{ unread }] = await ctx.db
    .select({ unread: count() })
    .from(notifications)
    .where(and(own, isNull(notifications.readAt)));
  return {
    items: items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
    total: Number(total),
    unread: Number(unread),
  };
}

/** Marks one of the caller's notifications read; anyone else's answers 404 like a missing one. */
export async function markRead(ctx: Ctx, id: string): Promise<void> {
  const userId = mine(ctx);
  await withTx(ctx, async (tx) => {
    const [n] = await tx.db
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
    if (!n) throw notFound('提醒');
    if (n.readAt) return;
    await tx.db.update(notifications).set({ readAt: ctx.now }).where(eq(notifications.id, id));
    await audit(tx, { action: 'notification.read', objectType: 'notification', objectId: id });
  });
}

/** Marks every unread notification of the caller read. */
export async function markAllRead(ctx: Ctx): Promise<void> {
  const userId = mine(ctx);
  await withTx(ctx, async (tx) => {
    const done = await tx.db
      .update(notifications)
      .set({ readAt: ctx.now })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (done.length) await audit(tx, { action: 'notification.read_all', objectType: 'notification', detail: { count: done.length } });
  });
}
