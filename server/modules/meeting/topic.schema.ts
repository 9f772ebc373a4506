import { TOPIC_SOURCES } from '../../../common/meeting.ts';
import { z } from '../../../common/zod-locale.ts';

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
