import type { OrgType } from '../../../common/access.ts';
import type { Rules } from '../../platform/rules/rules.service.ts';

export type Per = 'month' | 'quarter' | 'half_year' | 'year';
export type Requirement = { key: string; name: string; minCount: number; per: Per };
export type CellStatus = 'green' | 'yellow' | 'red' | 'grey';
export type Period = { key: string; label: string; start: Date; end: Date; months: number[] };

type RuleEntry = { name?: string; min_count?: number | null; per?: Per | null; applies_if?: string };

/** Required meeting kinds of an org type from the rule table (`inherits` followed; null frequencies skipped). */
export function requirementsFor(r: Rules, orgType: OrgType, hasCommittee: boolean): Requirement[] {
  const byType = ((r.meetings as Record<string, unknown> | undefined)?.by_org_type ?? {}) as Record<string, Record<string, unknown>>;
  let table = byType[orgType] ?? {};
  for (let i = 0; i < 3 && typeof table.inherits === 'string'; i++) table = byType[table.inherits] ?? {};
  const out: Requirement[] = [];
  for (const [key, v] of Object.entries(table)) {
    const e = v as RuleEntry;
    if (typeof e !== 'object' || !e || !e.min_count || !e.per) continue;
    if (e.applies_if === 'has_committee' && !hasCommittee) continue;
    out.push({ key, name: e.name ?? key, minCount: e.min_count, per: e.per });
  }
  return out;
}

const MONTHS_PER: Record<Per, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };
const cst = (y: number, m0: number) => new Date(Date.UTC(y, m0, 1) - 8 * 3_600_000);

/** The calendar periods of a year (CST boundaries), each with its months (1–12). */
export function periodsOf(per: Per, year: number): Period[] {
  const n = MONTHS_PER[per];
  const out: Period[] = [];
  for (let m0 = 0; m0 < 12; m0 += n) {
    const idx = m0 / n + 1;
    const key =
      per === 'month'
        ? `${year}-${String(idx).padStart(2, '0')}`
        : per === 'quarter'
          ? `${year}-Q${idx}`
          : per === 'half_year'
            ? `${year}-H${idx}`
            : `${year}`;
    const label =
      per === 'month'
        ? `${idx}月`
        : per === 'quarter'
          ? `第${'一二三四'[idx - 1]}季度`
          : per === 'half_year'
            ? idx === 1
              ? '上半年'
              : '下半年'
            : `${year}年`;
    out.push({ key, label, start: cst(year, m0), end: cst(year, m0 + n), months: Array.from({ length: n }, (_, i) => m0 + i + 1) });
  }
  return out;
}

/**
 * green: the minimum is held; red: the period closed below it; yellow: half the period has elapsed below it;
 * grey: not yet due (rules.yaml meetings.warnings).
 */
export function cellStatus(held: number, min: number, p: { start: Date; end: Date }, now: Date): CellStatus {
  if (held >= min) return 'green';
  if (now >= p.end) return 'red';
  const half = p.start.getTime() + (p.end.getTime() - p.start.getTime()) / 2;
  return now.getTime() >= half ? 'yellow' : 'grey';
}

const RANK: Record<CellStatus, number> = { red: 3, yellow: 2, green: 1, grey: 0 };

/** The colour of a heat-map cell combining several requirements: the worst of them, grey only when none is due. */
export function worst(statuses: CellStatus[]): CellStatus {
  return statuses.reduce<CellStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), 'grey');
}

/** Whether a branch has a committee: set on the org, else by the rule table's full-member threshold. */
export function hasCommitteeOf(attrs: Record<string, unknown>, fullMembers: number, r: Rules): boolean {
  if (typeof attrs.hasCommittee === 'boolean') return attrs.hasCommittee;
  return fullMembers >= (r.org_structure?.branch?.committee_required_if_full_members_gte ?? 7);
}
