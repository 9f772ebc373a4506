// 学时达标, the study-hours data source of the 五个好 indicators.
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Org } from '../../platform/access/org.table.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { committeeMembers, committees } from '../committee/committee.table.ts';
import { members } from '../member/member.table.ts';
import { pathIds } from '../org/org.paths.ts';
import { hoursRules, judgeHours } from '../study/hours.rules.ts';
import { hoursOfMembers } from '../study/hours-rollup.service.ts';
import { group, pct, type Source, type SourceFinding, withinBatch } from './indicator.batch.ts';

/**
 * 学时达标: active members of the branch and its 党小组 whose credited study hours of the year meet the requirement
 * (书记、委员 by the leaders' requirement: seats of the branch's current committee).
 */
export const studyHours: Source = async (b) => {
  const r = hoursRules(await rules(b.ctx));
  const [list, seats] = await Promise.all([
    // credited minutes from the maintained entries per member (the same sums accountHours makes entry by entry)
    hoursOfMembers(b.ctx.db, r, b.year, and(eq(members.status, 'active'), withinBatch(b)) as SQL),
    b.ctx.db
      .select({ orgId: committees.orgId, memberId: committeeMembers.memberId })
      .from(committeeMembers)
      .innerJoin(committees, eq(committees.id, committeeMembers.committeeId))
      .where(
        and(
          inArray(
            committees.orgId,
            b.targets.map((o) => o.id),
          ),
          eq(committees.status, 'current'),
        ),
      ),
  ]);
  const leadersOf = group(seats, (s) => s.orgId);
  const targets = new Set(b.targets.map((o) => o.id));
  const membersOf = new Map<string, typeof list>();
  for (const m of list)
    for (const id of pathIds(m.path))
      if (targets.has(id)) {
        const l = membersOf.get(id);
        if (l) l.push(m);
        else membersOf.set(id, [m]);
      }
  const judged = new Map<string, SourceFinding>();
  const judge = (o: Org): SourceFinding => {
    const mine = membersOf.get(o.id) ?? [];
    if (!mine.length) return { ratio: 0, measure: '支部没有在册党员', evidence: [] };
    const leaders = new Set((leadersOf.get(o.id) ?? []).map((s) => s.memberId));
    const accounts = mine.map((m) => ({ m, a: { ...m, ...judgeHours(m.totalMinutes, m.centralizedCount, r, leaders.has(m.id)) } }));
    const met = accounts.filter((x) => x.a.met).length;
    const ratio = met / mine.length;
    return {
      ratio,
      measure: `学时达标${met}/${mine.length}人（${pct(ratio)}）`,
      evidence: b.evidence
        ? accounts
            .filter((x) => !x.a.met)
            .sort((x, y) => x.m.name.localeCompare(y.m.name, 'zh') || x.m.id.localeCompare(y.m.id))
            .slice(0, 50)
            .map((x) => ({
              title: `${x.m.name}：${Math.round(x.a.totalMinutes / 6) / 10}/${x.a.requiredHours}学时`,
              link: null,
              ok: false,
            }))
        : [],
    };
  };
  // both hours indicators read the same accounts: judge each branch once
  return (o) => {
    let f = judged.get(o.id);
    if (!f) {
      f = judge(o);
      judged.set(o.id, f);
    }
    return f;
  };
};
