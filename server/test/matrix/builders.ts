import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { materialIn } from '../../modules/study/study.factory.ts';
import { multipartBody, PNG } from '../../platform/files/files.fixtures.ts';
import { newStorageName, storagePath } from '../../platform/files/files.storage.ts';
import { files } from '../../platform/files/files.table.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { notifications } from '../../platform/notify/notify.table.ts';
import type { Fx } from './fixture.ts';

// Object factories shared by matrix rows; add yours here when a row needs more than a line.

/** A fresh unread notification of `userId` (a random id when there is no caller). */
export async function ownNotification(fx: Fx, userId: string | null): Promise<string> {
  if (!userId) return crypto.randomUUID();
  await notify(fx.t.sys(), { userIds: [userId], kind: 'matrix', title: '矩阵测试提醒', dedupeKey: fx.unique('mx') });
  const [n] = await fx.t.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(1);
  return n.id;
}

/** A stored PNG attachment in `orgId` (row and bytes, SHA-256 correct). */
export async function fileIn(fx: Fx, orgId: string): Promise<string> {
  const storageName = newStorageName();
  const dest = storagePath(fx.t.env.filesDir, storageName);
  await mkdir(path.dirname(dest), { recursive: true });
  await writeFile(dest, PNG);
  const [f] = await fx.t.db
    .insert(files)
    .values({
      orgId,
      originalName: '矩阵附件.png',
      ext: 'png',
      mime: 'image/png',
      size: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
      storageName,
      createdAt: fx.t.clock(),
    })
    .returning({ id: files.id });
  return f.id;
}

/** A multipart upload of a small PNG to `orgId`. */
export const pngUpload = (orgId: string) => {
  const { payload, headers } = multipartBody([
    { name: 'orgId', value: orgId },
    { name: 'file', filename: '矩阵上传.png', data: PNG },
  ]);
  return { url: '/api/files', payload, headers };
};

/** A published study material in `orgId` with one stored attachment. */
export async function materialFileIn(fx: Fx, orgId: string): Promise<{ materialId: string; fileId: string }> {
  const materialId = await materialIn(fx.t, orgId);
  const fileId = await fileIn(fx, orgId);
  await fx.t.db.update(files).set({ ownerType: 'study_material', ownerId: materialId }).where(eq(files.id, fileId));
  return { materialId, fileId };
}
