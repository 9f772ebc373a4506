import type { OrgType } from '../../../common/access.ts';
import type { Rules } from '../../platform/rules/rules.service.ts';

/** `YYYY-MM-DD` plus whole months; a day past the target month's end clamps to its last day (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` plus days. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Term length in years for an org type, from the rule table (enterprise branch 3). */
export function termYears(r: Rules, type: OrgType): number {
  if (type === 'group') return r.terms.years.branch;
  return r.terms.years[type];
}

/** Months before the term end at which reminders go out (rule table `terms.reminder_months_before`, default 6/3/1). */
export function reminderMonths(r: Rules): number[] {
  const v = (r.terms as { reminder_months_before?: unknown }).reminder_months_before;
  const list = Array.isArray(v) && v.every((n) => typeof n === 'number') ? (v as number[]) : [6, 3, 1];
  return [...list].sort((a, b) => b - a);
}

export type TermState =
  | { kind: 'ok'; endsOn: string }
  | { kind: 'due'; endsOn: string; monthsBefore: number }
  | { kind: 'overdue'; endsOn: string; daysOverdue: number };

/**
 * Where a term stands on `today`: overdue after its end; `due` once inside the nearest reminder window
 * (e.g. 3 when between 3 and 1 months before the end); otherwise ok.
 */
export function termState(endsOn: string, today: string, months: number[]): TermState {
  if (today > endsOn) {
    const daysOverdue = Math.round((Date.parse(today) - Date.parse(endsOn)) / 86_400_000);
    return { kind: 'overdue', endsOn, daysOverdue };
  }
  const crossed = months.filter((m) => today >= addMonths(endsOn, -m));
  if (crossed.length === 0) return { kind: 'ok', endsOn };
  return { kind: 'due', endsOn, monthsBefore: Math.min(...crossed) };
}

/** Why a postponement (换届延期) is not allowed, or null: it must move the end later, by at most the rule's years in total. */
export function postponementProblem(originalEnd: string, newEnd: string, r: Rules): string | null {
  const maxYears = r.terms.postpone_or_advance_max_years;
  if (newEnd <= originalEnd) return `延期后的届满日期应晚于原届满日期 ${originalEnd}`;
  const limit = addMonths(originalEnd, Math.round(maxYears * 12));
  if (newEnd > limit) return `换届延期一般不超过 ${maxYears} 年，延期后的届满日期最晚为 ${limit}`;
  return null;
}

/** Why an election meeting is invalid for lack of quorum (present must exceed the rule table's ratio, 4/5), or null. */
export function electionQuorumProblem(r: Rules, entitled: number, present: number): string | null {
  const q = (r.terms as { election?: { quorum?: { gt_ratio?: number } } }).election?.quorum?.gt_ratio ?? 0.8;
  if (present > entitled * q) return null;
  return `选举大会实到 ${present} 人，未超过应到 ${entitled} 人的 ${Math.round(q * 100)}%，选举无效，请核对或重新组织选举`;
}
