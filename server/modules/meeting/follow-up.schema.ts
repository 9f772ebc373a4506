import { z } from '../../../common/zod-locale.ts';

export const FollowUpCreate = z.object({
  measure: z.string().trim().min(4, '落实措施至少 4 个字').max(500),
  ownerName: z.string().trim().min(2, '请填写责任人').max(30),
  ownerUserId: z.string().uuid().nullish(),
  deadline: z.string().date('请填写完成时限（YYYY-MM-DD）'),
});
export type FollowUpCreateT = z.infer<typeof FollowUpCreate>;

export const FollowUpUpdate = FollowUpCreate.partial().extend({
  status: z.enum(['open', 'done']).optional(),
  result: z.string().trim().max(5000).nullish(),
});
export type FollowUpUpdateT = z.infer<typeof FollowUpUpdate>;

export const FollowUpOut = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  topicId: z.string().nullable(),
  topicTitle: z.string().nullable(),
  measure: z.string(),
  ownerName: z.string(),
  ownerUserId: z.string().nullable(),
  deadline: z.string(),
  status: z.enum(['open', 'done']),
  result: z.string().nullable(),
  doneAt: z.string().nullable(),
  overdue: z.boolean(),
});

export const FollowUpListQuery = z.object({
  orgId: z.string().uuid().optional(),
  meetingId: z.string().uuid().optional(),
  status: z.enum(['open', 'done']).optional(),
  overdue: z.enum(['0', '1']).optional(),
});
