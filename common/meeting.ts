import { named } from './named.ts';
import { z } from './zod-locale.ts';

export * from './meeting-domain.ts';
export * from './meeting-topic.ts';

import { ATTENDANCE_STATUSES, MEETING_STATUSES, MEETING_TYPES, MeetingTemplate } from './meeting-domain.ts';
import { FollowUpCreate, FollowUpOut, FollowUpUpdate, LedgerOut, TopicCreate, TopicOut, TopicUpdate } from './meeting-topic.ts';

// ---- the API contract of /api/meetings, /api/meeting-*, /api/first-topic*, /api/follow-ups, /api/m/meetings

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

export const MeetingPage = z.object({ items: z.array(MeetingListItem), total: z.number() });
export type MeetingPageT = z.infer<typeof MeetingPage>;
export type MeetingRow = z.infer<typeof MeetingListItem>;
export type Meeting = MeetingOutT;
export const MeetingCancelQuery = z.object({ reason: z.string().trim().min(2, '请填写取消原因').max(200) });
export const MeetingReviewBody = z.object({ action: z.enum(['return', 'approve']), comment: z.string().trim().max(1000).nullish() });
export const MeetingTemplates = z.record(z.string(), MeetingTemplate);
export const MeetingTypeParams = z.object({ type: z.enum(MEETING_TYPES) });

export const OrgYearQuery = z.object({ orgId: z.string().uuid('请选择党组织'), year: z.coerce.number().int().min(2000).max(2100) });
const CalendarStatus = z.enum(['green', 'yellow', 'red', 'grey']);
export type CalendarStatus = z.infer<typeof CalendarStatus>;
/** 组织生活合规日历 of one org. */
export const MeetingCalendarOut = z.object({
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  months: z.array(CalendarStatus),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      per: z.string(),
      minCount: z.number(),
      periods: z.array(
        z.object({ key: z.string(), label: z.string(), months: z.array(z.number()), held: z.number(), status: CalendarStatus }),
      ),
    }),
  ),
});
export type OrgCalendar = z.infer<typeof MeetingCalendarOut>;
/** The heat map of the sub-orgs and the list of gaps. */
export const MeetingHeatmapOut = z.object({
  orgId: z.string(),
  year: z.number(),
  orgs: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      type: z.string(),
      parentId: z.string().nullable(),
      depth: z.number(),
      months: z.array(CalendarStatus),
    }),
  ),
  gaps: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      key: z.string(),
      label: z.string(),
      period: z.string(),
      status: CalendarStatus,
      held: z.number(),
      minCount: z.number(),
    }),
  ),
  summary: z.object({ orgs: z.number(), withRed: z.number(), withYellow: z.number() }),
});
export type MeetingHeatmap = z.infer<typeof MeetingHeatmapOut>;

export const SigninCodeOut = z.object({ token: z.string(), url: z.string(), opensAt: z.string(), closesAt: z.string() });
export const MyMeetingOut = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  orgName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  host: z.string(),
  signedIn: z.boolean(),
});
export type MyMeeting = z.infer<typeof MyMeetingOut>;
export const SigninBody = z.object({ token: z.string().min(10, '签到码无效').max(300) });
export const SigninOut = z.object({ meetingId: z.string(), title: z.string(), signedInAt: z.string() });

named('meeting', {
  MeetingCreate,
  MeetingUpdate,
  Agenda: AgendaInput,
  Attendance: AttendanceInput,
  MeetingListItem,
  Meeting: MeetingOut,
  MeetingPage,
  MeetingReview: MeetingReviewBody,
  MeetingTemplate,
  MeetingTemplates,
  MeetingCalendar: MeetingCalendarOut,
  MeetingHeatmap: MeetingHeatmapOut,
  TopicCreate,
  TopicUpdate,
  Topic: TopicOut,
  FollowUpCreate,
  FollowUpUpdate,
  FollowUp: FollowUpOut,
  FirstTopicLedger: LedgerOut,
  SigninCode: SigninCodeOut,
  MyMeeting: MyMeetingOut,
  Signin: SigninBody,
  SigninResult: SigninOut,
});

export type Attendance = z.infer<typeof AttendanceOut>;
/** A row of the agenda editor: what AgendaInput takes, with the id and topic title of a saved item. */
export type AgendaItem = z.input<typeof AgendaInput>['items'][number] & { id?: string; topicTitle?: string | null };
/** A vote as the record form edits it (`passed` is computed by the server). */
export type VoteRow = z.input<typeof Vote> & { passed?: boolean };

export type SigninCode = z.infer<typeof SigninCodeOut>;
export type SigninResult = z.infer<typeof SigninOut>;
