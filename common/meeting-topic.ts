// The 第一议题 contract: the topic bank, follow-up measures and the ledger (re-exported by common/meeting.ts).

import { TOPIC_SOURCES } from './meeting-domain.ts';
import { z } from './zod-locale.ts';

export const TopicCreate = z.object({
  orgId: z.string().uuid('请选择议题库所属党委'),
  title: z.string().trim().min(4, '议题标题至少 4 个字').max(200),
  source: z.enum(TOPIC_SOURCES, { message: '请选择议题来源类别' }),
  publishedOn: z.string().date('请填写讲话或指示的发表日期（YYYY-MM-DD）'),
  material: z.string().trim().max(50000).nullish(),
});
export type TopicCreateT = z.infer<typeof TopicCreate>;

export const TopicUpdate = TopicCreate.omit({ orgId: true }).partial().extend({ version: z.number().int().optional() });
export type TopicUpdateT = z.infer<typeof TopicUpdate>;

export const TopicOut = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  source: z.string(),
  publishedOn: z.string(),
  material: z.string().nullable(),
  pushedAt: z.string().nullable(),
  canEdit: z.boolean(),
});

export const TopicListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(60).optional(),
});

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

export const LedgerQuery = z.object({ orgId: z.string().uuid('请选择党组织'), year: z.coerce.number().int().min(2000).max(2100) });
export const LedgerTotals = z.object({
  studies: z.number(),
  /** relays at a later agenda position: flagged, not counted (domain §5.2) */
  misplaced: z.number(),
  topics: z.number(),
  avgLagDays: z.number().nullable(),
  followUps: z.number(),
  followUpsDone: z.number(),
  followUpsOverdue: z.number(),
});
/** 第一议题台账 of an org and year, rolled up. */
export const LedgerOut = z.object({
  org: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  year: z.number(),
  total: LedgerTotals,
  own: LedgerTotals,
  children: z.array(LedgerTotals.extend({ orgId: z.string(), name: z.string(), type: z.string() })),
  rows: z.array(
    z.object({
      topicId: z.string(),
      topicTitle: z.string(),
      source: z.string(),
      publishedOn: z.string(),
      meetingId: z.string(),
      meetingType: z.string(),
      meetingTypeLabel: z.string(),
      meetingTitle: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      heldOn: z.string(),
      lagDays: z.number(),
      timely: z.boolean(),
      /** agenda position; only item 1 counts as 第一议题 */
      position: z.number(),
      counted: z.boolean(),
      flag: z.string().nullable(),
      followUps: z.number(),
      followUpsDone: z.number(),
      followUpsOverdue: z.number(),
    }),
  ),
  unreached: z.array(
    z.object({
      topicId: z.string(),
      title: z.string(),
      publishedOn: z.string(),
      branches: z.number(),
      orgs: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
});
export type Ledger = z.infer<typeof LedgerOut>;
export type LedgerTotalsT = z.infer<typeof LedgerTotals>;
export type FollowUp = z.infer<typeof FollowUpOut>;
export type Topic = z.infer<typeof TopicOut>;
