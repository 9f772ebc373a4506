import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { inScope } from '../access/actor.ts';
import { orgs } from '../access/org.table.ts';
import { scopeWhere } from '../access/scope.ts';
import { audit, auditAlone } from '../audit/audit.service.ts';
import { type Ctx, withTx } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { FileListQueryT, FileOutT, UploadFieldsT } from './files.schema.ts';
import { checkContent } from './files.sniff.ts';
import { commitTemp, newStorageName, readStored, removeQuietly, storagePath, type TempFile } from './files.storage.ts';
import { files } from './files.table.ts';

type FileRow = typeof files.$inferSelect;
export type FileOwner = { ownerType: string; ownerId: string };

export function fileOut(f: FileRow): FileOutT {
  return {
    id: f.id,
    orgId: f.orgId,
    ownerType: f.ownerType,
    ownerId: f.ownerId,
    originalName: f.originalName,
    ext: f.ext,
    mime: f.mime,
    size: f.size,
    sha256: f.sha256,
    label: f.label,
    createdAt: f.createdAt.toISOString(),
  };
}

async function orgInScope(ctx: Ctx, orgId: string, permission: 'file:read' | 'file:write') {
  const [o] = await ctx.db.select({ id: orgs.id, path: orgs.path, status: orgs.status }).from(orgs).where(eq(orgs.id, orgId));
  if (!o || !inScope(ctx.actor, permission, o.path)) throw notFound('组织');
  return o;
}

/**
 * Stores a received upload: org in the caller's file:write scope, content checked against the allowlist, file moved
 * to a server-generated name, row and audit record in one transaction (the file is removed if that fails).
 */
export async function storeUpload(ctx: Ctx, tmp: TempFile, originalName: string, fields: UploadFieldsT): Promise<FileOutT> {
  let stored: string | null = null;
  try {
    const org = await orgInScope(ctx, fields.orgId, 'file:write');
    if (org.status !== 'active') throw new AppError('CONFLICT', '该组织已撤销，不能再上传附件');
    const { ext, mime } = await checkContent(tmp.tmpPath, originalName, tmp.size);
    const storageName = newStorageName();
    stored = await commitTemp(ctx.env.filesDir, tmp.tmpPath, storageName);
    return await withTx(ctx, async (tx) => {
      const [f] = await tx.db
        .insert(files)
        .values({
          orgId: org.id,
          ownerType: fields.ownerType ?? null,
          ownerId: fields.ownerId ?? null,
          originalName: originalName.slice(0, 200),
          ext,
          mime,
          size: tmp.size,
          sha256: tmp.sha256,
          storageName,
          label: fields.label ?? 'internal',
          createdBy: ctx.actor?.userId ?? null,
          createdAt: ctx.now,
        })
        .returning();
      await audit(tx, {
        action: 'file.upload',
        objectType: 'file',
        objectId: f.id,
        orgId: org.id,
        orgPath: org.path,
        detail: { name: f.originalName, size: f.size, sha256: f.sha256, owner: f.ownerType ? `${f.ownerType}:${f.ownerId}` : null },
      });
      return fileOut(f);
    });
  } catch (e) {
    await removeQuietly(stored ?? tmp.tmpPath);
    throw e;
  }
}

/** Files in the caller's file:read scope, newest first; an explicit org outside it answers 404. */
export async function listFiles(ctx: Ctx, q: FileListQueryT & { ownerIds?: string[] }): Promise<FileOutT[]> {
  if (q.orgId) await orgInScope(ctx, q.orgId, 'file:read');
  const rows = await ctx.db
    .select({ f: files })
    .from(files)
    .innerJoin(orgs, eq(orgs.id, files.orgId))
    .where(
      and(
        scopeWhere(ctx.actor, 'file:read', orgs.path),
        q.orgId ? eq(files.orgId, q.orgId) : undefined,
        q.ownerType ? eq(files.ownerType, q.ownerType) : undefined,
        q.ownerId ? eq(files.ownerId, q.ownerId) : undefined,
        q.ownerIds ? inArray(files.ownerId, q.ownerIds.length ? q.ownerIds : ['']) : undefined,
      ),
    )
    .orderBy(desc(files.createdAt), desc(files.id))
    .limit(1000);
  return rows.map((r) => fileOut(r.f));
}

/** Loads a file the caller may read (404 like missing otherwise); with 'file:write' a visible but read-only file is 403. */
export async function loadFileInScope(ctx: Ctx, id: string, permission: 'file:read' | 'file:write' = 'file:read') {
  const [r] = await ctx.db
    .select({ f: files, path: orgs.path })
    .from(files)
    .innerJoin(orgs, eq(orgs.id, files.orgId))
    .where(eq(files.id, id));
  if (!r || !inScope(ctx.actor, 'file:read', r.path)) throw notFound('附件');
  if (permission === 'file:write' && !inScope(ctx.actor, 'file:write', r.path)) throw forbidden('您没有管理该附件的权限');
  return { ...r.f, orgPath: r.path };
}

/** The bytes of a file for download, verified against the SHA-256 kept at upload; a mismatch is audited and refused. */
export async function openFile(ctx: Ctx, id: string): Promise<{ file: FileOutT; data: Buffer }> {
  return readVerified(ctx, await loadFileInScope(ctx, id));
}

/**
 * The bytes of a file row the caller has already been allowed to read (by scope, or by a feature's own rule such as
 * "attached to a study material that reaches me"), verified against its SHA-256.
 */
export async function readVerified(ctx: Ctx, f: FileRow & { orgPath: string }): Promise<{ file: FileOutT; data: Buffer }> {
  const stored = await readStored(ctx.env.filesDir, f.storageName);
  if (!stored || stored.sha256 !== f.sha256) {
    await auditAlone(ctx, {
      action: 'file.integrity',
      objectType: 'file',
      objectId: f.id,
      orgId: f.orgId,
      orgPath: f.orgPath,
      result: 'failure',
      detail: { expected: f.sha256, actual: stored?.sha256 ?? null, missing: !stored },
    });
    throw new AppError('FILE_INTEGRITY', '附件完整性校验失败（文件缺失或已被改动），已记录审计事件，请联系系统管理员');
  }
  return { file: fileOut(f), data: stored.data };
}

/** Deletes a file (row and audit in one transaction, then the stored bytes). */
export async function deleteFile(ctx: Ctx, id: string): Promise<void> {
  const f = await loadFileInScope(ctx, id, 'file:write');
  await withTx(ctx, async (tx) => {
    await tx.db.delete(files).where(eq(files.id, id));
    await audit(tx, {
      action: 'file.delete',
      objectType: 'file',
      objectId: id,
      orgId: f.orgId,
      orgPath: f.orgPath,
      detail: { name: f.originalName, sha256: f.sha256 },
    });
  });
  await removeQuietly(storagePath(ctx.env.filesDir, f.storageName));
}

/**
 * Attaches uploaded files to a business object (meeting, evidence…) inside the caller's transaction; each file must
 * be in the caller's file:write scope and not yet attached elsewhere. Returns the attached files.
 */
export async function attachFiles(ctx: Ctx, fileIds: string[], owner: FileOwner): Promise<FileOutT[]> {
  const out: FileOutT[] = [];
  for (const id of [...new Set(fileIds)]) {
    const f = await loadFileInScope(ctx, id, 'file:write');
    const [u] = await ctx.db
      .update(files)
      .set({ ownerType: owner.ownerType, ownerId: owner.ownerId })
      .where(
        and(eq(files.id, f.id), or(isNull(files.ownerId), and(eq(files.ownerType, owner.ownerType), eq(files.ownerId, owner.ownerId)))),
      )
      .returning();
    if (!u) throw new AppError('CONFLICT', `附件"${f.originalName}"已属于其他事项，请重新上传`);
    out.push(fileOut(u));
  }
  return out;
}
