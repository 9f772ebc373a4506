// Organisational life (组织生活) and the 第一议题 system: meeting types, labels, default record templates.
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

export const s = (key: string, label: string, hint?: string, required = true): TemplateSectionT => ({ key, label, required, hint });

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
