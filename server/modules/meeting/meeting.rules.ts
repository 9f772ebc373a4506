import { MEETING_TYPES, type MeetingStatus, type MeetingTemplateT, type MeetingType } from '../../../common/meeting.ts';
import type { Rules } from '../../platform/rules/rules.service.ts';

type Ratio = { gt_ratio: number };

/**
 * "A meeting counts as held": the one definition. Planned and cancelled meetings do not count; a held record counts
 * from the moment it is marked held, whatever its review state. SQL reads the same list through the function
 * meeting_counts_as_held(status) (migration 0002).
 */
export const HELD_STATUSES = ['held', 'submitted', 'returned', 'approved'] as const satisfies readonly MeetingStatus[];
export const countsAsHeld = (status: string) => (HELD_STATUSES as readonly string[]).includes(status);

/** Only agenda item 1 is the 第一议题 (domain.md §5.2); a topic relayed at a later position is flagged, not counted. */
export const FIRST_TOPIC_POSITION = 1;
export const MISPLACED_FIRST_TOPIC = '非第一议题位置';

/** The parts of the rule table this module reads, with fallbacks for keys an older stored table may lack. */
export type MeetingRules = {
  firstItemRequiredFor: string[];
  submitBlockedFor: string[];
  followUpRequiredFor: string[];
  followUpRemindDays: number;
  remindDaysBeforeDue: number;
  signinOpensMinutes: number;
  assemblyPresent: number;
  assemblyPass: number;
  committeePresent: number;
};

/** Reads the meeting, quorum and 第一议题 sections of the rule table. */
export function meetingRules(r: Rules): MeetingRules {
  const ft = (r.first_topic ?? {}) as Record<string, unknown>;
  const mt = (r.meetings ?? {}) as Record<string, unknown>;
  const quorums = (r.quorum ?? {}) as Record<string, Record<string, Ratio>>;
  const q = quorums.members_assembly ?? {};
  const list = (v: unknown, d: string[]) => (Array.isArray(v) ? (v as string[]) : d);
  const num = (v: unknown, d: number) => (typeof v === 'number' ? v : d);
  return {
    firstItemRequiredFor: list(ft.required_first_item_for, []),
    // R: the rule table names the types whose submit is refused; the other required types are only flagged
    submitBlockedFor: list(ft.submit_blocked_without_first_item_for, ['committee_meeting', 'central_group_study']),
    followUpRequiredFor: list(ft.follow_up_required_for, ['committee_meeting']),
    followUpRemindDays: num(ft.follow_up_remind_days_before, 3),
    remindDaysBeforeDue: num(mt.remind_days_before_due, 7),
    signinOpensMinutes: num(mt.signin_opens_minutes_before, 30),
    assemblyPresent: num(q.present?.gt_ratio, 0.5),
    assemblyPass: num(q.pass?.gt_ratio, 0.5),
    committeePresent: num(quorums.branch_committee?.present?.gt_ratio, 0.5),
  };
}

export type Quorum = { entitled: number; present: number; required: number; met: boolean };

/** 应到/实到 for a vote: present full members must be more than `ratio` of those entitled. */
export function quorum(entitled: number, present: number, ratio: number): Quorum {
  const required = Math.floor(entitled * ratio) + 1;
  return { entitled, present, required, met: entitled > 0 && present >= required };
}

export type RecordForCheck = {
  type: MeetingType;
  sections: Record<string, string>;
  agenda: { kind: string; topicId: string | null; form: string | null; summary: string | null }[];
  presentCount: number;
  /** the voting quorum over full members (党员大会); omitted: not judged */
  voteQuorum?: Quorum;
  /** 党委会/支委会: the quorum over the current term's 委员; null when no term is registered; omitted: not judged */
  committeeQuorum?: Quorum | null;
  voting: boolean;
  votes: unknown[];
  followUpCount: number;
  /** CST day of month the meeting was held, and the branch's fixed 主题党日 day when it set one */
  heldDay?: number;
  fixedThemeDay?: number | null;
};

/** 党委会 and 支委会: their 应到 is the current term's 委员 and more than half of them must be present (domain.md §4.2). */
export const COMMITTEE_MEETING_TYPES = ['committee_meeting', 'branch_committee'] as const satisfies readonly MeetingType[];
export const isCommitteeMeeting = (t: MeetingType) => (COMMITTEE_MEETING_TYPES as readonly string[]).includes(t);

/** A record that states a resolution (决议/议定事项/会议决定) or votes is judged by the quorum, ticked as a vote or not. */
export function recordsResolution(rec: Pick<RecordForCheck, 'sections' | 'votes'>): boolean {
  const s = rec.sections;
  return rec.votes.length > 0 || !!(s.resolutions ?? '').trim() || !!(s.decisions ?? '').trim();
}

export type RecordCheck = {
  /** what blocks submission, in Chinese */
  missing: string[];
  /** what is flagged for the reviewer but does not block */
  flags: string[];
};

/** The completeness rules of a record: template sections, attendance, votes, 第一议题 first and its follow-ups. */
export function checkRecord(rec: RecordForCheck, template: MeetingTemplateT, rules: MeetingRules): RecordCheck {
  const missing: string[] = [];
  const flags: string[] = [];
  for (const s of template.sections) {
    if (s.required && !(rec.sections[s.key] ?? '').trim()) missing.push(`“${s.label}”栏目`);
  }
  if (rec.presentCount === 0) missing.push('出席情况（至少一人出席）');
  if (rec.type === 'members_assembly' && rec.voting && rec.votes.length === 0) missing.push('应到、实到和表决结果');
  if (rules.firstItemRequiredFor.includes(rec.type)) {
    const first = rec.agenda[0];
    let problem: string | null = null;
    if (first?.kind !== 'first_topic' || !first.topicId) problem = '第1项议题应为关联议题库的“第一议题”';
    else if (!first.form?.trim() || !first.summary?.trim()) problem = '第一议题的学习形式和过程概况';
    if (problem) (rules.submitBlockedFor.includes(rec.type) ? missing : flags).push(problem);
  }
  if (rules.followUpRequiredFor.includes(rec.type) && rec.agenda[0]?.kind === 'first_topic' && rec.followUpCount === 0) {
    flags.push('第一议题尚未制定落实措施（责任人、时限）');
  }
  const resolved = recordsResolution(rec);
  const vq = rec.voteQuorum;
  if (rec.type === 'members_assembly' && (rec.voting || resolved) && vq && !vq.met) {
    const what = `有表决权的正式党员到会未超过半数（应到${vq.entitled}人，实到${vq.present}人）`;
    if (resolved) missing.push(`${what}，不能形成有效决议`);
    else flags.push(`${what}，不能表决`);
  }
  if (isCommitteeMeeting(rec.type) && rec.committeeQuorum !== undefined) {
    const cq = rec.committeeQuorum;
    if (cq === null) flags.push('未登记本届委员会委员，无法核对到会委员是否超过半数');
    else if (!cq.met) {
      const what = `到会委员未超过半数（应到${cq.entitled}人，实到${cq.present}人）`;
      if (resolved) missing.push(`${what}，不能形成有效决议`);
      else flags.push(`${what}，议定事项无效`);
    }
  }
  if (rec.type === 'theme_day' && rec.fixedThemeDay && rec.heldDay && rec.heldDay !== rec.fixedThemeDay) {
    flags.push(`主题党日未在本支部固定的每月${rec.fixedThemeDay}日召开`);
  }
  return { missing, flags };
}

export const isMeetingType = (k: string): k is MeetingType => (MEETING_TYPES as readonly string[]).includes(k);
