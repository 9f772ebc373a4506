import { sql } from 'drizzle-orm';
import { THREE_ONE_TYPES } from '../../../common/cockpit.ts';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../../platform/access/scope.ts';
import type { Rules } from '../../platform/rules/rules.service.ts';
import { hasCommitteeOf, periodsOf, type Requirement, requirementsFor } from '../meeting/calendar.rules.ts';

export type Unit = {
  id: string;
  parentId: string | null;
  type: 'branch' | 'group';
  path: string;
  attributes: Record<string, unknown>;
  foundedOn: string | null;
  fullMembers: number;
  /** own held meetings by type, counts[0..11] = January..December */
  counts: Record<string, number[]>;
};

const THREE_ONE = new Set<string>(THREE_ONE_TYPES);

type Closed = { req: Requirement; periods: { end: Date; months: number[] }[] };

/** The requirement's periods of `year` that had closed by `now`. */
const closedOf = (req: Requirement, year: number, now: Date): Closed => ({
  req,
  periods: periodsOf(req.per, year).filter((p) => p.end <= now),
});

/** Whether every closed period of a requirement (after the unit was founded) held the minimum. */
function meets(u: Unit, { req, periods }: Closed): { due: boolean; ok: boolean } {
  const months = u.counts[req.key] ?? [];
  const founded = u.foundedOn ? new Date(`${u.foundedOn}T00:00:00+08:00`) : null;
  let due = false;
  for (const p of periods) {
    if (founded && p.end <= founded) continue;
    due = true;
    const held = p.months.reduce((s, m) => s + (months[m - 1] ?? 0), 0);
    if (held < req.minCount) return { due, ok: false };
  }
  return { due, ok: true };
}

/**
 * 三会一课 compliance of each 党支部 so far in `year`: its own 支部党员大会/支委会/党课 and every one of its 党小组's
 * 党小组会 against the rule table's minimum per closed period. `due` is false while no period has closed yet.
 */
export function evaluateBranches(units: Unit[], r: Rules, year: number, now: Date) {
  const groupsOf = new Map<string, Unit[]>();
  for (const u of units)
    if (u.type === 'group' && u.parentId) {
      const list = groupsOf.get(u.parentId) ?? [];
      list.push(u);
      groupsOf.set(u.parentId, list);
    }
  const closed = (reqs: Requirement[]) => reqs.filter((q) => THREE_ONE.has(q.key)).map((q) => closedOf(q, year, now));
  const groupReqs = closed(requirementsFor(r, 'group', false));
  const branchReqs = { with: closed(requirementsFor(r, 'branch', true)), without: closed(requirementsFor(r, 'branch', false)) };
  return units
    .filter((u) => u.type === 'branch')
    .map((b) => {
      const reqs = hasCommitteeOf(b.attributes, b.fullMembers, r) ? branchReqs.with : branchReqs.without;
      const checks = [...reqs.map((q) => meets(b, q)), ...(groupsOf.get(b.id) ?? []).flatMap((g) => groupReqs.map((q) => meets(g, q)))];
      return { id: b.id, path: b.path, due: checks.some((c) => c.due), met: checks.every((c) => c.ok) };
    });
}

/** The active 党支部 and 党小组 under `path` with their own 三会一课 counts of `year`. */
export async function loadUnits(db: Db, path: string, year: number): Promise<Unit[]> {
  const within = `${escapeLike(path)}%`;
  const orgRows = (await db.execute(sql`select o.id, o.parent_id, o.type, o.path, o.attributes, o.founded_on::text as founded_on,
      coalesce(t.full_members, 0)::int as full_members
    from orgs o left join cockpit_org_totals t on t.org_id = o.id
    where o.path like ${within} and o.status = 'active' and o.type in ('branch', 'group')`)) as unknown as {
    rows: {
      id: string;
      parent_id: string | null;
      type: 'branch' | 'group';
      path: string;
      attributes: Record<string, unknown> | null;
      founded_on: string | null;
      full_members: number;
    }[];
  };
  const ids = orgRows.rows.map((o) => o.id);
  const countRows = (await db.execute(sql`select org_id, type, counts from cockpit_own_meetings
    where year = ${year} and org_id = any(${`{${ids.join(',')}}`}::uuid[])`)) as unknown as {
    rows: { org_id: string; type: string; counts: number[] }[];
  };
  const counts = new Map<string, Record<string, number[]>>();
  for (const c of countRows.rows) {
    const m = counts.get(c.org_id) ?? {};
    m[c.type] = c.counts.map(Number);
    counts.set(c.org_id, m);
  }
  return orgRows.rows.map((x) => ({
    id: x.id,
    parentId: x.parent_id,
    type: x.type,
    path: x.path,
    attributes: x.attributes ?? {},
    foundedOn: x.founded_on,
    fullMembers: Number(x.full_members),
    counts: counts.get(x.id) ?? {},
  }));
}
