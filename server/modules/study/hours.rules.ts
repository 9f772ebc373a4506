import { STUDY_FORM_LABELS, STUDY_FORMS, type StudyForm } from '../../../common/study-labels.ts';
import type { Rules } from '../../platform/rules/rules.service.ts';

/** How one study form counts: whether, at what rate, up to how many hours a year, from how many minutes. */
export type FormRule = { key: StudyForm; name: string; counts: boolean; rate: number; capHours: number | null; minMinutes: number };

export type HoursRules = {
  forms: Record<StudyForm, FormRule>;
  memberHours: number;
  leaderHours: number;
  leaderMinCentralized: number;
  fullDayHours: number;
  halfDayHours: number;
};

/**
 * ILLUSTRATIVE fallbacks for what the rule table leaves open (domain.md §6.1: which forms count and at what rate is
 * set by 州国资委). They apply only while the rule table says null; the 学时规则 page writes real values.
 */
const FALLBACK: Record<StudyForm, Omit<FormRule, 'key' | 'name'>> = {
  centralized_training: { counts: true, rate: 1, capHours: null, minMinutes: 30 },
  meeting_study: { counts: true, rate: 1, capHours: null, minMinutes: 30 },
  central_group_study: { counts: true, rate: 1, capHours: null, minMinutes: 30 },
  self_study: { counts: true, rate: 1, capHours: 8, minMinutes: 20 },
  online: { counts: true, rate: 1, capHours: 12, minMinutes: 5 },
  team_micro_class: { counts: true, rate: 1, capHours: 10, minMinutes: 10 },
};

type YamlForm = {
  key: string;
  name?: string;
  counts_toward_hours?: boolean | null;
  credit_rate?: number | null;
  cap_hours_per_year?: number | null;
  min_minutes?: number | null;
};
type YamlStudy = {
  conversion?: { full_day?: number; half_day?: number };
  requirements?: { roles: string[]; min_hours_per_year: number; min_centralized_trainings?: number }[];
  forms?: YamlForm[];
};

/** Reads the study_hours section of the rule table, filling open values from the ILLUSTRATIVE fallbacks. */
export function hoursRules(r: Rules): HoursRules {
  const s = (r.study_hours ?? {}) as YamlStudy;
  const forms = {} as Record<StudyForm, FormRule>;
  for (const key of STUDY_FORMS) {
    const y = s.forms?.find((f) => f.key === key);
    const fb = FALLBACK[key];
    forms[key] = {
      key,
      name: y?.name ?? STUDY_FORM_LABELS[key],
      counts: y?.counts_toward_hours ?? fb.counts,
      rate: y?.credit_rate ?? fb.rate,
      capHours: y?.cap_hours_per_year === undefined ? fb.capHours : y.cap_hours_per_year,
      minMinutes: y?.min_minutes ?? fb.minMinutes,
    };
  }
  const req = s.requirements ?? [];
  const member = req.find((q) => q.roles.includes('member'));
  const leader = req.find((q) => q.roles.includes('secretary') || q.roles.includes('committee_member'));
  if (!member || !leader) throw new Error('规则表缺少学时要求（study_hours.requirements）');
  return {
    forms,
    memberHours: member.min_hours_per_year,
    leaderHours: leader.min_hours_per_year,
    leaderMinCentralized: leader.min_centralized_trainings ?? 0,
    fullDayHours: s.conversion?.full_day ?? 8,
    halfDayHours: s.conversion?.half_day ?? 4,
  };
}

/** One piece of study of one member: a record attended, a day's reading of a material, a 自学 entry. */
export type StudyEntry = {
  form: StudyForm;
  on: string;
  minutes: number;
  span?: 'full_day' | 'half_day' | null;
  /** the same entry this many times (rows grouped in SQL); caps apply as if they came one by one */
  times?: number;
};

export type HoursAccount = {
  /** credited minutes per form (integers, so roll-ups add up exactly) */
  byForm: Record<StudyForm, number>;
  totalMinutes: number;
  requiredHours: number;
  leader: boolean;
  centralizedCount: number;
  /** cumulative credited minutes at the end of each month, January first */
  cumulative: number[];
  met: boolean;
  /** 书记、委员 without a centralised training this year */
  missingCentralized: boolean;
};

/** Credited minutes of one entry before caps: 全天/半天 by the conversion rule, else minutes × rate; 0 below the minimum. */
export function creditOf(e: StudyEntry, r: HoursRules): number {
  const f = r.forms[e.form];
  if (!f.counts) return 0;
  if (e.span === 'full_day') return Math.round(r.fullDayHours * 60 * f.rate);
  if (e.span === 'half_day') return Math.round(r.halfDayHours * 60 * f.rate);
  if (e.minutes < f.minMinutes) return 0;
  return Math.round(e.minutes * f.rate);
}

/** A member's study hours for a calendar year: entries outside the year are ignored, caps apply in date order. */
export function accountHours(entries: StudyEntry[], r: HoursRules, o: { year: number; leader: boolean }): HoursAccount {
  const byForm = Object.fromEntries(STUDY_FORMS.map((f) => [f, 0])) as Record<StudyForm, number>;
  const monthly = new Array<number>(12).fill(0);
  let centralizedCount = 0;
  const inYear = entries.filter((e) => Number(e.on.slice(0, 4)) === o.year).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  for (const e of inYear) {
    const f = r.forms[e.form];
    const cap = f.capHours === null ? Number.POSITIVE_INFINITY : f.capHours * 60;
    const one = creditOf(e, r);
    const times = e.times ?? 1;
    const credit = Math.min(one * times, Math.max(0, cap - byForm[e.form]));
    if (e.form === 'centralized_training' && one > 0) centralizedCount += times;
    byForm[e.form] += credit;
    monthly[Number(e.on.slice(5, 7)) - 1] += credit;
  }
  const cumulative: number[] = [];
  monthly.reduce((sum, m, i) => {
    cumulative[i] = sum + m;
    return cumulative[i];
  }, 0);
  const totalMinutes = cumulative[11];
  return {
    byForm,
    totalMinutes,
    leader: o.leader,
    centralizedCount,
    cumulative,
    ...judgeHours(totalMinutes, centralizedCount, r, o.leader),
  };
}

/** Whether a year's credited minutes and 集中培训 count meet the requirement (书记、委员 by the leaders' one). */
export function judgeHours(totalMinutes: number, centralizedCount: number, r: HoursRules, leader: boolean) {
  const requiredHours = leader ? r.leaderHours : r.memberHours;
  const missingCentralized = leader && centralizedCount < r.leaderMinCentralized;
  return { requiredHours, met: totalMinutes >= requiredHours * 60 && !missingCentralized, missingCentralized };
}

/** Behind pace at the end of `month` (1–12): fewer hours than the even share of the yearly requirement. */
export function behindAt(a: HoursAccount, month: number): boolean {
  return a.cumulative[month - 1] < (a.requiredHours * 60 * month) / 12;
}

/** Minutes as hours with one decimal, for display. */
export const toHours = (minutes: number) => Math.round(minutes / 6) / 10;
/** 人均学时: the members' 学时 (minutes) over their number, to 0.1 h (not the rounded total over them); null without members. */
export const perMemberHours = (minutes: number, members: number) => (members ? Math.round(minutes / members / 6) / 10 : null);
