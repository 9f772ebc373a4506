import type { OrgOut } from '../../../common/org.ts';
import type { z } from '../../../common/zod-locale.ts';

export { DissolveQuery, IdParams, OrgCreateSchema, OrgListQuery, OrgOut, OrgUpdateSchema } from '../../../common/org.ts';

export type OrgOutT = z.infer<typeof OrgOut>;
