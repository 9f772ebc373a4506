import { and, asc, eq, ilike, ne, sql } from 'drizzle-orm';
import { ORG_CHILD_TYPES, ORG_TYPE_LABELS, type OrgType } from '../../../common/access.ts';
import type { OrgCreate, OrgUpdate } from '../../../common/org.ts';
import { inScope } from '../../platform/access/actor.ts';
import { type Org, orgs } from '../../platform/access/org.table.ts';
import { escapeLike, scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import type { OrgOutT } from './org.schema.ts';

// correlated subqueries name the outer table explicitly: drizzle renders columns unqualified in one-table selects
const memberCount = sql<number>`(select count(*)::int from members m where m.org_id = "orgs"."id" and m.status = 'active')`;
const childCount = sql<number>`(select count(*)::int from orgs c where c.parent_id = "orgs"."id" and c.status = 'active')`;

function out(o: Org & { childCount: number; memberCount: number }): OrgOutT {
  return {
    id: o.id,
    parentId: o.parentId,
    name: o.name,
    type: o.type,
    path: o.path,
    depth: o.depth,
    sortOrder: o.sortOrder,
    unitName: o.unitName,
    isEnterprise: o.isEnterprise,
    joint: o.joint,
    temporary: o.temporary,
    foundedOn: o.foundedOn,
    contactName: o.contactName,
    contactPhone: o.contactPhone,
    status: o.status,
    dissolvedReason: o.dissolvedReason,
    version: o.version,
    childCount: Number(o.childCount),
    memberCount: Number(o.memberCount),
  };
}

/** The orgs in the caller's read scope, flat, ordered for tree building; `q` matches names. */
export async function listOrgs(ctx: Ctx, q: { q?: string; includeDissolved?: boolean }) {
  const rows = await ctx.db
    .select({ o: orgs, childCount, memberCount })
    .from(orgs)
    .where(
      and(
        scopeWhere(ctx.actor, 'org:read', orgs.path),
        q.includeDissolved ? undefined : eq(orgs.status, 'active'),
        q.q ? ilike(orgs.name, `%${escapeLike(q.q)}%`) : undefined,
      ),
    )
    .orderBy(asc(orgs.depth), asc(orgs.sortOrder), asc(orgs.name));
  return rows.map((r) => out({ ...r.o, childCount: r.childCount, memberCount: r.memberCount }));
}

/** Loads an org the caller may act on with `permission`; out of scope answers exactly like missing (404). */
export async function loadOrgInScope(ctx: Ctx, id: string, permission: 'org:read' | 'org:write' = 'org:read') {
  const [o] = await ctx.db.select().from(orgs).where(eq(orgs.id, id));
  if (!o || !inScope(ctx.actor, 'org:read', o.path)) throw notFound('组织');
  if (permission === 'org:write' && !inScope(ctx.actor, 'org:write', o.path)) throw forbidden('您没有管理该组织的权限');
  return o;
}

export async function getOrg(ctx: Ctx, id: string): Promise<OrgOutT> {
  const o = await loadOrgInScope(ctx, id);
  const [c] = await ctx.db.select({ childCount, memberCount }).from(orgs).where(eq(orgs.id, id));
  return out({ ...o, ...c });
}

function checkChildType(parent: Org, type: OrgType) {
  if (parent.status !== 'active') throw invalid('上级组织已撤销，不能在其下设立组织');
  if (!ORG_CHILD_TYPES[parent.type].includes(type)) throw invalid(`${ORG_TYPE_LABELS[parent.type]}下不能设立${ORG_TYPE_LABELS[type]}`);
}

async function checkSiblingName(ctx: Ctx, parentId: string, name: string, exceptId?: string) {
  const [dup] = await ctx.db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(eq(orgs.parentId, parentId), eq(orgs.name, name), eq(orgs.status, 'active'), exceptId ? ne(orgs.id, exceptId) : undefined));
  if (dup) throw conflict(`同一上级组织下已有名为"${name}"的组织`);
}

export async function createOrg(ctx: Ctx, input: OrgCreate): Promise<OrgOutT> {
  const parent = await loadOrgInScope(ctx, input.parentId, 'org:write');
  checkChildType(parent, input.type);
  return withTx(ctx, async (tx) => {
    await checkSiblingName(tx, parent.id, input.name);
    const id = crypto.randomUUID();
    const [o] = await tx.db
      .insert(orgs)
      .values({
        ...input,
        id,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await audit(tx, {
      action: 'org.create',
      objectType: 'org',
      objectId: id,
      orgId: id,
      orgPath: o.path,
      detail: { name: o.name, type: o.type, parentId: parent.id },
    });
    return out({ ...o, childCount: 0, memberCount: 0 });
  });
}

/** Edits an org; a new `parentId` moves it with its whole subtree (paths rewritten in the same transaction). */
export async function updateOrg(ctx: Ctx, id: string, patch: OrgUpdate): Promise<OrgOutT> {
  const o = await loadOrgInScope(ctx, id, 'org:write');
  if (patch.version !== undefined && patch.version !== o.version) throw conflict('该组织已被他人修改，请刷新后重试');
  const { version: _v, parentId, ...fields } = patch;
  await withTx(ctx, async (tx) => {
    const type = fields.type ?? o.type;
    let moved: { from: string | null; to: string } | null = null;
    if (parentId && parentId !== o.parentId) {
      if (!o.parentId) throw invalid('根组织不能移动');
      const parent = await loadOrgInScope(tx, parentId, 'org:write');
      if (parent.path.startsWith(o.path)) throw invalid('不能把组织移动到它自己或其下级组织之下');
      checkChildType(parent, type);
      const newPath = `${parent.path}${o.id}/`;
      const delta = parent.depth + 1 - o.depth;
      await tx.db.execute(sql`update ${orgs} set path = ${newPath} || substr(path, ${o.path.length + 1}), depth = depth + ${delta}
        where path like ${`${escapeLike(o.path)}%`}`);
      await tx.db.update(orgs).set({ parentId: parent.id }).where(eq(orgs.id, o.id));
      moved = { from: o.parentId, to: parent.id };
    } else if (fields.type && fields.type !== o.type && o.parentId) {
      const [parent] = await tx.db.select().from(orgs).where(eq(orgs.id, o.parentId));
      checkChildType(parent, type);
    }
    if (fields.name && fields.name !== o.name) await checkSiblingName(tx, parentId ?? o.parentId ?? '', fields.name, o.id);
    await tx.db
      .update(orgs)
      .set({ ...fields, updatedAt: ctx.now, version: o.version + 1 })
      .where(eq(orgs.id, o.id));
    await audit(tx, {
      action: moved ? 'org.move' : 'org.update',
      objectType: 'org',
      objectId: o.id,
      orgId: o.id,
      orgPath: o.path,
      detail: { changes: fields, moved },
    });
  });
  return getOrg(ctx, id);
}

/** 撤销 (soft): only an org without active child orgs or members; the root never. */
export async function dissolveOrg(ctx: Ctx, id: string, reason: string): Promise<void> {
  const o = await loadOrgInScope(ctx, id, 'org:write');
  if (!o.parentId) throw invalid('根组织不能撤销');
  if (o.status === 'dissolved') throw conflict('该组织已撤销');
  await withTx(ctx, async (tx) => {
    const [c] = await tx.db.select({ childCount, memberCount }).from(orgs).where(eq(orgs.id, id));
    if (c.childCount > 0) throw new AppError('CONFLICT', `该组织下还有 ${c.childCount} 个下级组织，请先撤销或移走`);
    if (c.memberCount > 0) throw new AppError('CONFLICT', `该组织还有 ${c.memberCount} 名党员，请先办理组织关系转接`);
    await tx.db
      .update(orgs)
      .set({ status: 'dissolved', dissolvedAt: ctx.now, dissolvedReason: reason, updatedAt: ctx.now, version: o.version + 1 })
      .where(eq(orgs.id, id));
    await audit(tx, { action: 'org.dissolve', objectType: 'org', objectId: id, orgId: id, orgPath: o.path, detail: { reason } });
  });
}
