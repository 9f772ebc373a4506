import { ATTENDANCE_STATUSES, MEETING_STATUSES, MEETING_TYPES } from '../../../common/meeting.ts';
import { z } from '../../../common/zod-locale.ts';

const text = (max: number) => z.string().trim().max(max);
const iso = z.string().datetime({ offset: true, message: '时间格式不正确' });

export const IdParams = z.object({ id: z.string().uuid('编号格式不正确') });

export const MeetingCreate = z.object({
  orgId: z.string().uuid('请选择召开会议的党组织'),
  type: z.enum(MEETING_TYPES, { message: '请选择会议类型' }),
  title: text(100).min(2, '会议名称至少 2 个字'),
  startsAt: iso,
  endsAt: iso,
  place: text(100).min(2, '请填写会议地点'),
  host: text(30).min(2, '请填写主持人'),
  recorder: text(30).min(2, '请填写记录人'),
  /** 应到 people; omitted: the current term's 委员 (党委会, 支委会), else the active members of the org (and its groups) */
  attendeeIds: z.array(z.string().uuid()).max(500).optional(),
  voting: z.boolean().optional(),
});
export type MeetingCreateT = z.infer<typeof MeetingCreate>;

export const Vote = z.object({
  motion: text(200).min(2, '请填写表决事项'),
  votesFor: z.number().int().min(0),
  votesAgainst: z.number().int().min(0),
  abstain: z.number().int().min(0),
});

export const MeetingUpdate = MeetingCreate.omit({ orgId: true, type: true, attendeeIds: true })
  .partial()
  .extend({
    sections: z.record(z.string().regex(/^[a-z_]{2,40}$/), text(20000)).optional(),
    minutes: text(50000).nullish(),
    votes: z.array(Vote).max(20).optional(),
    countsAs: z
      .array(z.enum(['member_appraisal', 'benchmark_check', 'party_lecture_by_secretary']))
      .max(3)
      .optional(),
    version: z.number().int().optional(),
  });
export type MeetingUpdateT = z.infer<typeof MeetingUpdate>;

export const AgendaInput = z.object({
  items: z
    .array(
      z.object({
        kind: z.enum(['first_topic', 'regular']),
        title: text(200).min(2, '议题名称至少 2 个字'),
        topicId: z.string().uuid().nullish(),
        form: text(50).nullish(),
        summary: text(20000).nullish(),
      }),
    )
    .max(30, '议题不能超过 30 项'),
});
export type AgendaInputT = z.infer<typeof AgendaInput>;

export const AttendanceInput = z.object({
  items: z
    .array(
      z.object({
        memberId: z.string().uuid(),
        status: z.enum(ATTENDANCE_STATUSES),
        reason: text(200).nullish(),
      }),
    )
    .max(500),
});
export type AttendanceInputT = z.infer<typeof AttendanceInput>;

export const ListQuery = z.object({
  orgId: z.string().uuid().optional(),
  type: z.enum(MEETING_TYPES).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const QuorumOut = z.object({ entitled: z.number(), present: z.number(), required: z.number(), met: z.boolean() });

export const AttendanceOut = z.object({
  memberId: z.string(),
  name: z.string(),
  category: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  reason: z.string().nullable(),
  signedInAt: z.string().nullable(),
  via: z.string().nullable(),
});

export const AgendaOut = z.object({
  id: z.string(),
  position: z.number(),
  kind: z.enum(['first_topic', 'regular']),
  title: z.string(),
  topicId: z.string().nullable(),
  topicTitle: z.string().nullable(),
  topicPublishedOn: z.string().nullable(),
  form: z.string().nullable(),
  summary: z.string().nullable(),
});

export const ReviewOut = z.object({
  action: z.enum(['submit', 'return', 'approve']),
  comment: z.string().nullable(),
  byName: z.string().nullable(),
  at: z.string(),
});

export const MeetingListItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  type: z.enum(MEETING_TYPES),
  title: z.string(),
  status: z.enum(MEETING_STATUSES),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  hasFirstTopic: z.boolean(),
});

export const MeetingOut = MeetingListItem.extend({
  host: z.string(),
  recorder: z.string(),
  sections: z.record(z.string(), z.string()),
  minutes: z.string().nullable(),
  voting: z.boolean(),
  votes: z.array(Vote.extend({ passed: z.boolean() })),
  countsAs: z.array(z.string()),
  heldAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  version: z.number(),
  agenda: z.array(AgendaOut),
  attendance: z.array(AttendanceOut),
  counts: z.object({ expected: z.number(), present: z.number(), absent: z.number(), leave: z.number() }),
  quorum: QuorumOut,
  check: z.object({ missing: z.array(z.string()), flags: z.array(z.string()) }),
  reviews: z.array(ReviewOut),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type MeetingOutT = z.infer<typeof MeetingOut>;
