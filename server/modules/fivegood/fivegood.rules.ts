import type { RubricContent } from '../../../common/fivegood.ts';

export type BonusClaim = { key: string; level: string };
export type GradeInput = {
  scores: Record<string, number>;
  vetoes: string[];
  bonus: BonusClaim[];
  satisfaction: number | null;
};
export type DimensionResult = { key: string; name: string; points: number; score: number; passRatio: number; good: boolean };
export type GradeResult = {
  dimensions: DimensionResult[];
  goodCount: number;
  vetoes: { key: string; text: string }[];
  grade: number;
  label: string;
  baseTotal: number;
  bonus: number;
  total: number;
  reasons: string[];
};

const round1 = (n: number) => Math.round(n * 10) / 10;
/** Points of a dimension: the sum of its indicators' points. */
export const dimensionPoints = (d: RubricContent['dimensions'][number]) => d.indicators.reduce((s, i) => s + i.points, 0);

/**
 * Grades one branch: an indicator scores between 0 and its points; a dimension is "好" when its score reaches its
 * pass ratio of its points; the grade is the number of "好"; any veto (declared, or the satisfaction metric below its
 * threshold) caps the grade; bonus points add to the total only, capped at the rubric's maximum.
 */
export function gradeAssessment(r: RubricContent, input: GradeInput): GradeResult {
  const reasons: string[] = [];
  const dimensions = r.dimensions.map((d) => {
    const points = dimensionPoints(d);
    const score = round1(d.indicators.reduce((s, i) => s + Math.min(Math.max(input.scores[i.key] ?? 0, 0), i.points), 0));
    const passRatio = d.passRatio ?? r.passRatio;
    const good = points > 0 && score + 1e-9 >= points * passRatio;
    reasons.push(`${d.name}：${score}/${points}分，达标线${round1(points * passRatio)}分，${good ? '达标' : '未达标'}`);
    return { key: d.key, name: d.name, points, score, passRatio, good };
  });
  const goodCount = dimensions.filter((d) => d.good).length;
  const vetoes = r.veto.conditions.filter(
    (c) =>
      input.vetoes.includes(c.key) ||
      (c.metric === 'satisfaction_ratio' && c.lt !== null && input.satisfaction !== null && input.satisfaction < c.lt),
  );
  let grade = goodCount;
  if (vetoes.length && grade > r.veto.capGradeAt) {
    grade = r.veto.capGradeAt;
    reasons.push(`触发否决项（${vetoes.map((v) => v.text).join('；')}），等次最高为${r.labels[grade]}`);
  }
  let bonus = 0;
  for (const b of input.bonus) {
    const item = r.bonus.items.find((i) => i.key === b.key);
    const level = item?.levels.find((l) => l.key === b.level);
    if (level) bonus += level.points;
  }
  if (bonus > r.bonus.maxTotal) {
    reasons.push(`加分${bonus}分超过上限，按${r.bonus.maxTotal}分计`);
    bonus = r.bonus.maxTotal;
  }
  const baseTotal = round1(dimensions.reduce((s, d) => s + d.score, 0));
  return {
    dimensions,
    goodCount,
    vetoes: vetoes.map((v) => ({ key: v.key, text: v.text })),
    grade,
    label: r.labels[grade],
    baseTotal,
    bonus,
    total: round1(baseTotal + bonus),
    reasons,
  };
}

/** Whole months from `from` to `to` (YYYY-MM-DD). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** Whether a branch takes part: at least the rubric's age on `asOf` (the launch day) and carrying none of the excluded flags. */
export function eligibility(
  r: RubricContent,
  o: { foundedOn: string | null; flags: Record<string, unknown> },
  asOf: string,
): { eligible: boolean; reason: string | null } {
  const flag = r.eligibility.excludeFlags.find((f) => o.flags[f.key] === true);
  if (flag) return { eligible: false, reason: `${flag.label}，本年度不参评` };
  if (o.foundedOn && r.eligibility.minBranchAgeMonths > 0) {
    if (monthsBetween(o.foundedOn, asOf) < r.eligibility.minBranchAgeMonths)
      return { eligible: false, reason: `成立不满${r.eligibility.minBranchAgeMonths}个月（${o.foundedOn}成立），本年度不参评` };
  }
  return { eligible: true, reason: null };
}

/** The date `n` working days after `start` (weekends and the listed holidays skipped); the notice ends that day. */
export function addWorkingDays(start: string, n: number, holidays: readonly string[] = []): string {
  const d = new Date(`${start}T00:00:00Z`);
  let left = n;
  // the start day counts when it is a working day
  for (;;) {
    const iso = d.toISOString().slice(0, 10);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6 && !holidays.includes(iso)) left--;
    if (left <= 0) return iso;
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

/** 进位升级率: of the branches whose previous grade was at most `baseMax`, the share whose grade rose this year. */
export function promotionRate(prev: Map<string, number>, curr: Map<string, number>, baseMax: number) {
  let base = 0;
  let promoted = 0;
  for (const [orgId, p] of prev) {
    const c = curr.get(orgId);
    if (p > baseMax || c === undefined) continue;
    base++;
    if (c > p) promoted++;
  }
  return { base, promoted, ratio: base ? promoted / base : null };
}
