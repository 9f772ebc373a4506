import { DUTIES } from '../../../common/committee.ts';
import { z } from '../../../common/zod-locale.ts';

export { CommitteeCreateSchema, CommitteeUpdateSchema, PostponeSchema } from '../../../common/committee.ts';

export const SeatOut = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.string(),
  category: z.enum(['full', 'probationary']),
  duty: z.enum(DUTIES),
  dutyNote: z.string().nullable(),
});

export const CommitteeOut = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  electedOn: z.string(),
  termYears: z.number(),
  termEndsOn: z.string(),
  postponedTo: z.string().nullable(),
  /** the end in force (postponed or as elected) */
  endsOn: z.string(),
  postpone: z.object({ reason: z.string(), approvedBy: z.string(), approvedOn: z.string(), docNo: z.string().nullable() }).nullable(),
  status: z.enum(['current', 'ended']),
  endedOn: z.string().nullable(),
  votersEntitled: z.number().nullable(),
  votersPresent: z.number().nullable(),
  termState: z.enum(['ok', 'due', 'overdue', 'ended']),
  /** for `due`: the reminder window it is in (6, 3 or 1 months before the end) */
  monthsBefore: z.number().nullable(),
  daysOverdue: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  members: z.array(SeatOut),
});
export type CommitteeOutT = z.infer<typeof CommitteeOut>;

export const OrgIdParams = z.object({ orgId: z.string().uuid('编号格式不正确') });
export const IdParams = z.object({ id: z.string().uuid('编号格式不正确') });
export const TermListQuery = z.object({
  orgId: z.string().uuid('编号格式不正确').optional(),
  state: z.enum(['due', 'overdue', 'attention']).optional(),
});
