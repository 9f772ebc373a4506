import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Org, orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { endsOn } from '../committee/committee.service.ts';
import { committeeMembers, committees } from '../committee/committee.table.ts';
import { reminderMonths, termState } from '../committee/term.rules.ts';
import { members } from '../member/member.table.ts';
import { subtreeTotals } from '../org/org.paths.ts';
import { loadOrgInScope } from '../org/org.service.ts';
import { type Finding, type OrgFacts, orgFindings, type WarningLevel } from './establishment.rules.ts';

export type OrgWarning = Finding & { orgId: string; orgName: string; orgType: Org['type'] };

const seatOrg = alias(orgs, 'seat_org');

/** Members still on the roll: an outgoing member stays counted until the receipt comes back. */
const ON_ROLL = ['active', 'transferring'];

/** Units a joint branch covers: `attributes.units` when recorded, else the 单位名称 list (、 , ; separated). */
export function unitCount(o: Pick<Org, 'unitName' | 'attributes'>): number {
  const units = (o.attributes as { units?: unknown } | null)?.units;
  if (Array.isArray(units)) return units.length;
  return (o.unitName ?? '').split(/[、,，;；/]/).filter((s) => s.trim()).length;
}

/**
 * 组织设置预警: the establishment findings (domain.md §2.2) of every active org in the caller's scope, or of the
 * subtree of `orgId`, or only `orgId` itself. Member counts are per subtree (a branch counts its groups).
 */
export async function orgWarnings(ctx: Ctx, q: { orgId?: string; only?: boolean; level?: WarningLevel }): Promise<OrgWarning[]> {
  const under = q.orgId ? await loadOrgInScope(ctx, q.orgId) : null;
  const within = under ? sql`starts_with(${orgs.path}, ${under.path})` : undefined;
  const list = await ctx.db
    .select()
    .from(orgs)
    .where(and(scopeWhere(ctx.actor, 'org:read', orgs.path), eq(orgs.status, 'active'), within));
  if (list.length === 0) return [];
  const targets = q.only && under ? list.filter((o) => o.id === under.id) : list;
  const out = await warningsOf(ctx, targets, within);
  const order: Record<WarningLevel, number> = { error: 0, warning: 1, notice: 2 };
  const filtered = q.level ? out.filter((w) => w.level === q.level) : out;
  return filtered.sort((a, b) => order[a.level] - order[b.level] || a.orgName.localeCompare(b.orgName, 'zh'));
}

/**
 * The findings of `targets` (active orgs the caller may read), each counting the members of its subtree among the
 * active orgs in scope (and `within`, a path filter covering the targets' subtrees, when given); unsorted.
 */
export async function warningsOf(ctx: Ctx, targets: Org[], within?: SQL): Promise<OrgWarning[]> {
  if (targets.length === 0) return [];
  const counts = await ctx.db
    .select({
      path: orgs.path,
      n: sql<number>`count(*)::int`,
      full: sql<number>`(count(*) filter (where ${members.category} = 'full'))::int`,
    })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(inArray(members.status, ON_ROLL), eq(orgs.status, 'active'), scopeWhere(ctx.actor, 'org:read', orgs.path), within))
    .groupBy(orgs.path);
  const current = await ctx.db
    .select({ c: committees, duty: committeeMembers.duty, seatStatus: members.status, seatPath: seatOrg.path })
    .from(committees)
    .leftJoin(committeeMembers, eq(committeeMembers.committeeId, committees.id))
    .leftJoin(members, eq(members.id, committeeMembers.memberId))
    .leftJoin(seatOrg, eq(seatOrg.id, members.orgId))
    .where(
      and(
        eq(committees.status, 'current'),
        inArray(
          committees.orgId,
          targets.map((o) => o.id),
        ),
      ),
    );
  const r = await rules(ctx);
  const today = cstDate(ctx.now);
  const months = reminderMonths(r);
  const totals = subtreeTotals(
    targets.map((o) => o.id),
    counts,
    ['n', 'full'],
  );
  const seatsOf = new Map<string, typeof current>();
  for (const x of current) {
    const l = seatsOf.get(x.c.orgId);
    if (l) l.push(x);
    else seatsOf.set(x.c.orgId, [x]);
  }
  const out: OrgWarning[] = [];
  for (const o of targets) {
    const { n, full } = totals.get(o.id) ?? { n: 0, full: 0 };
    const seats = seatsOf.get(o.id) ?? [];
    const departed = seats.filter((s) => s.duty && !(ON_ROLL.includes(s.seatStatus ?? '') && s.seatPath?.startsWith(o.path))).length;
    const facts: OrgFacts = {
      type: o.type,
      joint: o.joint,
      temporary: o.temporary,
      since: o.foundedOn ?? cstDate(o.createdAt),
      unitCount: unitCount(o),
      members: n,
      fullMembers: full,
      committee: seats.length
        ? {
            size: seats.filter((s) => s.duty).length - departed,
            duties: seats.flatMap((s) => (s.duty ? [s.duty] : [])),
            term: termState(endsOn(seats[0].c), today, months),
            departed,
          }
        : null,
      today,
    };
    for (const f of orgFindings(facts, r)) out.push({ orgId: o.id, orgName: o.name, orgType: o.type, ...f });
  }
  return out;
}
