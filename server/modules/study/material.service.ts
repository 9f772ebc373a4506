import { and, desc, eq, sql } from 'drizzle-orm';
import type { MaterialCreate, MaterialUpdate, StudyTheme } from '../../../common/study.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { users } from '../../platform/auth/user.table.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { attachFiles } from '../../platform/files/files.service.ts';
import { files } from '../../platform/files/files.table.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { firstTopics } from '../meeting/topic.table.ts';
import { members } from '../member/member.table.ts';
import { plainText, sanitizeMaterialHtml } from './material.sanitize.ts';
import { type StudyMaterial, studyMaterials } from './material.table.ts';
import { mustExist, studyOrg } from './study-access.service.ts';

const out = (m: StudyMaterial, orgName: string) => ({
  id: m.id,
  orgId: m.orgId,
  orgName,
  title: m.title,
  theme: m.theme,
  bodyHtml: m.bodyHtml,
  links: m.links,
  maxCreditMinutes: m.maxCreditMinutes,
  topicId: m.topicId,
  status: m.status,
  publishedAt: m.publishedAt.toISOString(),
});
export type MaterialOutT = ReturnType<typeof out>;

/** Materials published in the caller's scope, newest first; `orgId` narrows to one publisher's subtree. */
export async function listMaterials(ctx: Ctx, q: { orgId?: string; theme?: StudyTheme }) {
  const base = q.orgId ? await studyOrg(ctx, q.orgId) : null;
  const rows = await ctx.db
    .select({ m: studyMaterials, orgName: orgs.name })
    .from(studyMaterials)
    .innerJoin(orgs, eq(orgs.id, studyMaterials.orgId))
    .where(
      and(
        scopeWhere(ctx.actor, 'study:read', orgs.path),
        base ? sql`${orgs.path} like ${`${base.path}%`}` : undefined,
        q.theme ? eq(studyMaterials.theme, q.theme) : undefined,
      ),
    )
    .orderBy(desc(studyMaterials.publishedAt))
    .limit(500);
  return rows.map((r) => ({ ...out(r.m, r.orgName), bodyHtml: '', summary: plainText(r.m.bodyHtml).slice(0, 80) }));
}

/** Loads a material a study route names (the guard holds it to the caller's scope); missing → 404. */
export async function loadMaterial(ctx: Ctx, id: string) {
  const [r] = await ctx.db
    .select({ m: studyMaterials, orgPath: orgs.path, orgName: orgs.name })
    .from(studyMaterials)
    .innerJoin(orgs, eq(orgs.id, studyMaterials.orgId))
    .where(eq(studyMaterials.id, id));
  mustExist(r, '学习资料');
  return r;
}

/** The attachments of a material (names and sizes; downloads go through the files service and its scope). */
export async function materialFiles(ctx: Ctx, id: string) {
  const rows = await ctx.db
    .select({ id: files.id, name: files.originalName, size: files.size })
    .from(files)
    .where(and(eq(files.ownerType, 'study_material'), eq(files.ownerId, id)));
  return rows;
}

/** One material with its attachments. */
export async function getMaterial(ctx: Ctx, id: string) {
  const r = await loadMaterial(ctx, id);
  return { ...out(r.m, r.orgName), files: await materialFiles(ctx, id) };
}

/** Tells the members of the publisher's subtree who have accounts that a material is out (站内提醒). */
async function announce(ctx: Ctx, m: StudyMaterial, orgPath: string) {
  const rows = await ctx.db
    .select({ id: users.id })
    .from(users)
    .innerJoin(members, eq(members.id, users.memberId))
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(sql`${orgs.path} like ${`${orgPath}%`}`);
  if (rows.length === 0) return;
  await notify(ctx, {
    userIds: rows.map((r) => r.id),
    kind: 'study_material',
    title: `新的学习资料：${m.title}`,
    link: `/m/study/materials/${m.id}`,
    dedupeKey: `study_material:${m.id}`,
  });
}

/** Publishes a material to the subtree of `orgId`: body sanitised, attachments claimed, members notified, audited. */
export async function createMaterial(ctx: Ctx, input: MaterialCreate & { topicId?: string }) {
  const o = await studyOrg(ctx, input.orgId);
  return withTx(ctx, async (tx) => {
    const [m] = await tx.db
      .insert(studyMaterials)
      .values({
        orgId: o.id,
        title: input.title,
        theme: input.theme,
        bodyHtml: sanitizeMaterialHtml(input.bodyHtml),
        links: input.links,
        maxCreditMinutes: input.maxCreditMinutes,
        topicId: input.topicId ?? null,
        publishedAt: ctx.now,
        createdBy: ctx.actor?.userId ?? null,
        updatedAt: ctx.now,
      })
      .returning();
    if (input.fileIds.length) await attachFiles(tx, input.fileIds, { ownerType: 'study_material', ownerId: m.id });
    await announce(tx, m, o.path);
    await audit(tx, {
      action: 'study.material.publish',
      objectType: 'study_material',
      objectId: m.id,
      orgId: o.id,
      orgPath: o.path,
      detail: { title: m.title },
    });
    return { ...out(m, o.name), files: await materialFiles(tx, m.id) };
  });
}

/** Edits a material (body sanitised again). */
export async function updateMaterial(ctx: Ctx, id: string, patch: MaterialUpdate) {
  const r = await loadMaterial(ctx, id);
  await withTx(ctx, async (tx) => {
    const set = {
      ...patch,
      ...(patch.bodyHtml === undefined ? {} : { bodyHtml: sanitizeMaterialHtml(patch.bodyHtml) }),
      updatedAt: ctx.now,
    };
    await tx.db.update(studyMaterials).set(set).where(eq(studyMaterials.id, id));
    await audit(tx, {
      action: 'study.material.update',
      objectType: 'study_material',
      objectId: id,
      orgId: r.m.orgId,
      orgPath: r.orgPath,
      detail: { fields: Object.keys(patch) },
    });
  });
  return getMaterial(ctx, id);
}

/** Withdraws a material: members no longer see it; hours already earned stay. */
export async function withdrawMaterial(ctx: Ctx, id: string) {
  const r = await loadMaterial(ctx, id);
  if (r.m.status === 'withdrawn') throw conflict('该资料已撤回');
  await withTx(ctx, async (tx) => {
    await tx.db.update(studyMaterials).set({ status: 'withdrawn', updatedAt: ctx.now }).where(eq(studyMaterials.id, id));
    await audit(tx, {
      action: 'study.material.withdraw',
      objectType: 'study_material',
      objectId: id,
      orgId: r.m.orgId,
      orgPath: r.orgPath,
    });
  });
}

/** 一键发布: a 第一议题 of the bank becomes a material of the topic's org (theme 习近平总书记重要讲话), once. */
export async function materialFromTopic(ctx: Ctx, topicId: string) {
  const [t] = await ctx.db
    .select({ t: firstTopics, orgPath: orgs.path })
    .from(firstTopics)
    .innerJoin(orgs, eq(orgs.id, firstTopics.orgId))
    .where(eq(firstTopics.id, topicId));
  mustExist(t, '第一议题');
  const [dup] = await ctx.db.select({ id: studyMaterials.id }).from(studyMaterials).where(eq(studyMaterials.topicId, topicId));
  if (dup) throw conflict('该议题已发布为学习资料');
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
  const body = [
    `<p><strong>来源：</strong>${esc(t.t.source)}（${t.t.publishedOn}）</p>`,
    ...(t.t.material ?? '')
      .split(/\n+/)
      .filter(Boolean)
      .map((p) => `<p>${esc(p)}</p>`),
  ];
  return createMaterial(ctx, {
    orgId: t.t.orgId,
    title: t.t.title,
    theme: 'xi_speeches',
    bodyHtml: body.join(''),
    links: [],
    fileIds: [],
    maxCreditMinutes: 30,
    topicId,
  });
}
