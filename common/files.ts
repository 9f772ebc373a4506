// 附件 /api/files: the API contract shared by the server routes and the web client.
import { named } from './named.ts';
import { z } from './zod-locale.ts';

export const FILE_LABELS = ['public', 'internal', 'sensitive'] as const;
export type FileLabel = (typeof FILE_LABELS)[number];

/** The text fields of an upload (multipart form fields beside `file`). */
export const UploadFields = z.object({
  orgId: z.string({ error: '请指定附件所属组织' }).uuid('组织编号格式不正确'),
  ownerType: z.string().trim().min(1).max(40).optional(),
  ownerId: z.string().trim().min(1).max(100).optional(),
  label: z.enum(FILE_LABELS, { error: '密级只能是 public、internal 或 sensitive' }).optional(),
});
export type UploadFieldsT = z.infer<typeof UploadFields>;

export const FileOut = z.object({
  id: z.string(),
  orgId: z.string(),
  ownerType: z.string().nullable(),
  ownerId: z.string().nullable(),
  originalName: z.string(),
  ext: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  label: z.enum(FILE_LABELS),
  createdAt: z.string(),
});
export type FileOutT = z.infer<typeof FileOut>;

export const FileListQuery = z.object({
  orgId: z.string().uuid('组织编号格式不正确').optional(),
  ownerType: z.string().trim().max(40).optional(),
  ownerId: z.string().trim().max(100).optional(),
});

export type FileListQueryT = z.infer<typeof FileListQuery>;

export const FileIdParams = z.object({ id: z.string().uuid('编号格式不正确') });

named('files', {
  FileOut,
});

export type StoredFile = z.infer<typeof FileOut>;
