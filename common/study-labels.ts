// Theory study: forms, themes and their Chinese labels. No Zod here: the members' /m bundle imports this file.

/** Study forms (学习形式); the rule table's study_hours.forms uses the same keys. */
export const STUDY_FORMS = [
  'centralized_training',
  'meeting_study',
  'central_group_study',
  'self_study',
  'online',
  'team_micro_class',
] as const;
export type StudyForm = (typeof STUDY_FORMS)[number];

export const STUDY_FORM_LABELS: Record<StudyForm, string> = {
  centralized_training: '集中学习培训',
  meeting_study: '会议集体学习',
  central_group_study: '理论学习中心组学习',
  self_study: '自学',
  online: '线上学习',
  team_micro_class: '班组10分钟课堂',
};

/** Forms recorded by an organiser (the others come from members themselves or from reading). */
export const RECORDED_FORMS = ['centralized_training', 'meeting_study', 'central_group_study', 'team_micro_class'] as const;

/** Study themes (学习专题) used to tag materials, plans, records and questions. */
export const STUDY_THEMES = [
  'party_rules',
  'party_history',
  'twentieth_congress',
  'xi_speeches',
  'xinjiang_work',
  'ethnic_unity',
  'business',
  'other',
] as const;
export type StudyTheme = (typeof STUDY_THEMES)[number];

export const STUDY_THEME_LABELS: Record<StudyTheme, string> = {
  party_rules: '党章党规',
  party_history: '党史',
  twentieth_congress: '二十大精神',
  xi_speeches: '习近平总书记重要讲话',
  xinjiang_work: '新疆工作',
  ethnic_unity: '铸牢中华民族共同体意识',
  business: '业务知识',
  other: '其他',
};

export const QUESTION_KINDS = ['single', 'multiple', 'judge'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选题', multiple: '多选题', judge: '判断题' };

/** Heartbeat interval of the reading page, in seconds; the server never credits more than this per beat (plus slack). */
export const READING_BEAT_SECONDS = 15;
