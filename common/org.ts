import { ORG_TYPES } from './access.ts';
import { z } from './zod-locale.ts';

const name = z.string().trim().min(2, '组织名称至少 2 个字').max(60, '组织名称不能超过 60 个字');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Form and API body for creating an org (shared by the server route and the web form). */
export const OrgCreateSchema = z.object({
  parentId: z.string().uuid('请选择上级组织'),
  name,
  type: z.enum(ORG_TYPES, { message: '请选择组织类别' }),
  unitName: z.string().trim().max(100).nullish(),
  isEnterprise: z.boolean().optional(),
  joint: z.boolean().optional(),
  temporary: z.boolean().optional(),
  foundedOn: date.nullish(),
  contactName: z.string().trim().max(30).nullish(),
  contactPhone: z.string().trim().max(30).nullish(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});
export type OrgCreate = z.infer<typeof OrgCreateSchema>;

export const OrgUpdateSchema = OrgCreateSchema.omit({ parentId: true, type: true })
  .partial()
  .extend({
    /** re-parent (move) within the caller's scope */
    parentId: z.string().uuid().optional(),
    type: z.enum(ORG_TYPES).optional(),
    /** optimistic concurrency: the version the editor saw */
    version: z.number().int().optional(),
  });
export type OrgUpdate = z.infer<typeof OrgUpdateSchema>;
