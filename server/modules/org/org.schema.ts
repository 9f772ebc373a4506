import { ORG_TYPES } from '../../../common/access.ts';
import { z } from '../../../common/zod-locale.ts';

export { OrgCreateSchema, OrgUpdateSchema } from '../../../common/org.ts';

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
export type OrgOutT = z.infer<typeof OrgOut>;

export const OrgListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  includeDissolved: z.enum(['0', '1']).optional(),
});

export const IdParams = z.object({ id: z.string().uuid('编号格式不正确') });
export const DissolveQuery = z.object({ reason: z.string().trim().min(2, '请填写撤销原因').max(200) });
