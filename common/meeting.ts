// Organisational life (组织生活) and the 第一议题 system: meeting types, labels, default record templates.
import { named } from './named.ts';
import { z } from './zod-locale.ts';

export const MEETING_TYPES = [
  'members_assembly',
  'branch_committee',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'life_meeting',
  'committee_meeting',
  'central_group_study',
  'heart_talk',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  members_assembly: '支部党员大会',
  branch_committee: '支部委员会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  committee_meeting: '党委会',
  central_group_study: '理论学习中心组学习',
  heart_talk: '谈心谈话',
};

/** Rule keys counted by the compliance calendar besides the meeting types (a record may also count as these). */
export const EXTRA_COUNT_KEYS = ['member_appraisal', 'benchmark_check', 'party_lecture_by_secretary'] as const;
export const CALENDAR_KEY_LABELS: Record<string, string> = {
  ...MEETING_TYPE_LABELS,
  member_appraisal: '民主评议党员',
  benchmark_check: '对标对表',
  party_lecture_by_secretary: '党委书记讲党课',
};

export const MEETING_STATUSES = ['planned', 'held', 'submitted', 'returned', 'approved', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: '已计划',
  held: '已召开（待提交记录）',
  submitted: '已提交待审核',
  returned: '已退回补充',
  approved: '审核通过',
  cancelled: '已取消',
};

export const ATTENDANCE_STATUSES = ['expected', 'present', 'absent', 'leave'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { expected: '应到', present: '出席', absent: '缺席', leave: '请假' };

export const FOLLOW_UP_STATUSES = ['open', 'done'] as const;
export const FOLLOW_UP_STATUS_LABELS = { open: '落实中', done: '已完成' } as const;

/** 第一议题 content types (rules.yaml first_topic.content_types). */
export const TOPIC_SOURCES = [
  '重要讲话',
  '重要文章',
  '重要指示批示',
  '习近平新时代中国特色社会主义思想',
  '重大会议精神',
  '新出台党内法规',
  '上级重大决策部署',
] as const;

export const TemplateSection = z.object({
  key: z.string().regex(/^[a-z_]{2,40}$/, '栏目标识只能是小写字母和下划线'),
  label: z.string().trim().min(2, '栏目名称至少 2 个字').max(30),
  required: z.boolean(),
  hint: z.string().max(200).optional(),
});
export type TemplateSectionT = z.infer<typeof TemplateSection>;
export const MeetingTemplate = z.object({ sections: z.array(TemplateSection).min(1, '模板至少要有一个栏目').max(20) });
export type MeetingTemplateT = z.infer<typeof MeetingTemplate>;

const s = (key: string, label: string, hint?: string, required = true): TemplateSectionT => ({ key, label, required, hint });

/** Default record templates: the required sections per meeting type (editable by SASAC staff; stored as data). */
export const DEFAULT_TEMPLATES: Record<MeetingType, MeetingTemplateT> = {
  members_assembly: {
    sections: [
      s('proceedings', '会议过程', '逐项记录议题的讨论情况'),
      s('resolutions', '会议决议', '记录形成的决议；表决事项另填应到、实到和表决结果'),
    ],
  },
  branch_committee: { sections: [s('proceedings', '研究讨论情况'), s('resolutions', '议定事项')] },
  group_meeting: { sections: [s('proceedings', '学习讨论情况'), s('opinions', '意见建议', undefined, false)] },
  party_lecture: { sections: [s('lecturer', '授课人'), s('lecture_topic', '党课主题'), s('lecture_summary', '授课内容摘要')] },
  theme_day: { sections: [s('theme', '活动主题'), s('activities', '活动内容'), s('follow_up', '后续落实', undefined, false)] },
  life_meeting: {
    sections: [
      s('topic', '会议主题'),
      s('preparation', '会前准备', '学习研讨、谈心谈话、征求意见情况'),
      s('self_check', '对照检查'),
      s('criticism', '批评与自我批评'),
      s('rectification', '整改措施'),
    ],
  },
  committee_meeting: { sections: [s('proceedings', '议题研究情况'), s('decisions', '会议决定')] },
  central_group_study: { sections: [s('study_topic', '学习主题'), s('speeches', '交流发言'), s('summary', '主持人总结')] },
  heart_talk: { sections: [s('parties', '谈话对象'), s('content', '谈话内容'), s('feedback', '意见建议及回应')] },
};

export const FIRST_TOPIC_FIELDS_LABEL = '第一议题须填写主题、形式、参加人员和过程概况';

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
