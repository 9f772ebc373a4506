import { ORG_TYPES } from './access.ts';
import { named } from './named.ts';
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

/** An org as the API answers it (tree node with its counts). */
export const OrgOut = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  type: z.enum(ORG_TYPES),
  path: z.string(),
  depth: z.number(),
  sortOrder: z.number(),
  unitName: z.string().nullable(),
  isEnterprise: z.boolean(),
  joint: z.boolean(),
  temporary: z.boolean(),
  foundedOn: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.enum(['active', 'dissolved']),
  dissolvedReason: z.string().nullable(),
  version: z.number(),
  childCount: z.number(),
  memberCount: z.number(),
});
export type Org = z.infer<typeof OrgOut>;

export const OrgListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  includeDissolved: z.enum(['0', '1']).optional(),
});

export const IdParams = z.object({ id: z.string().uuid('编号格式不正确') });
export const DissolveQuery = z.object({ reason: z.string().trim().min(2, '请填写撤销原因').max(200) });

export const WARNING_LEVELS = ['error', 'warning', 'notice'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** One 组织设置预警 finding. */
export const OrgWarningOut = z.object({
  orgId: z.string(),
  orgName: z.string(),
  orgType: z.enum(ORG_TYPES),
  level: z.enum(WARNING_LEVELS),
  code: z.string(),
  message: z.string(),
});
export type OrgWarning = z.infer<typeof OrgWarningOut>;

named('org', { OrgCreate: OrgCreateSchema, OrgUpdate: OrgUpdateSchema, Org: OrgOut, OrgWarning: OrgWarningOut });
