import { and, eq, inArray, sql } from 'drizzle-orm';
import { STUDY_FORMS, type StudyForm } from '../../../common/study-labels.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { committeeMembers, committees } from '../committee/committee.table.ts';
import { members } from '../member/member.table.ts';
import { accountHours, behindAt, type HoursAccount, hoursRules, perMemberHours, type StudyEntry, toHours } from './hours.rules.ts';
import { studyReadingSessions } from './material.table.ts';
import { studyAttendees, studyRecords } from './record.table.ts';
import { myMember, studyOrg } from './study-access.service.ts';

type Person = { id: string; name: string; orgId: string; orgName: string; orgPath: string };

/** Study entries of the given members in `year`: records attended, and online reading summed per material and day. */
async function entriesOf(ctx: Ctx, ids: string[], year: number): Promise<Map<string, StudyEntry[]>> {
  const out = new Map<string, StudyEntry[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const recs = await ctx.db
    .select({
      memberId: studyAttendees.memberId,
      form: studyRecords.form,
      on: studyRecords.occurredOn,
      minutes: studyRecords.minutes,
      span: studyRecords.span,
    })
    .from(studyAttendees)
    .innerJoin(studyRecords, eq(studyRecords.id, studyAttendees.recordId))
    .where(and(inArray(studyAttendees.memberId, ids), sql`extract(year from ${studyRecords.occurredOn}) = ${year}`));
  for (const r of recs) out.get(r.memberId)?.push({ form: r.form, on: r.on, minutes: r.minutes, span: r.span });
  const day = sql<string>`to_char(${studyReadingSessions.startedAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const reads = await ctx.db
    .select({ memberId: studyReadingSessions.memberId, on: day, seconds: sql<number>`sum(${studyReadingSessions.creditedSeconds})::int` })
    .from(studyReadingSessions)
    .where(and(inArray(studyReadingSessions.memberId, ids), sql`${day} like ${`${year}-%`}`))
    .groupBy(studyReadingSessions.memberId, studyReadingSessions.materialId, day);
  for (const r of reads) out.get(r.memberId)?.push({ form: 'online', on: r.on, minutes: Math.floor(Number(r.seconds) / 60) });
  return out;
}

/** Members who sat on a committee (书记, 副书记, 委员) at any time in `year`: they need the higher requirement. */
async function leadersOf(ctx: Ctx, ids: string[], year: number): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.db
    .selectDistinct({ id: committeeMembers.memberId })
    .from(committeeMembers)
    .innerJoin(committees, eq(committees.id, committeeMembers.committeeId))
    .where(
      and(
        inArray(committeeMembers.memberId, ids),
        sql`${committees.electedOn} <= ${`${year}-12-31`}`,
        sql`(${committees.endedOn} is null or ${committees.endedOn} >= ${`${year}-01-01`})`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Hours accounts of the given people for a year. */
async function accounts(ctx: Ctx, people: Person[], year: number) {
  const r = hoursRules(await rules(ctx));
  const ids = people.map((p) => p.id);
  const [entries, leaders] = await Promise.all([entriesOf(ctx, ids, year), leadersOf(ctx, ids, year)]);
  return people.map((p) => ({ p, a: accountHours(entries.get(p.id) ?? [], r, { year, leader: leaders.has(p.id) }) }));
}

/** The month whose end is compared with the pace: the current month in the current year, December for past years. */
function asOfMonth(ctx: Ctx, year: number): number {
  const today = cstDate(ctx.now);
  const y = Number(today.slice(0, 4));
  if (year < y) return 12;
  if (year > y) return 0;
  return Number(today.slice(5, 7));
}

const byFormHours = (a: HoursAccount) => Object.fromEntries(STUDY_FORMS.map((f) => [f, toHours(a.byForm[f])])) as Record<StudyForm, number>;

function row(p: Person, a: HoursAccount, month: number) {
  return {
    memberId: p.id,
    name: p.name,
    orgId: p.orgId,
    orgName: p.orgName,
    leader: a.leader,
    requiredHours: a.requiredHours,
    hours: toHours(a.totalMinutes),
    minutes: a.totalMinutes,
    byForm: byFormHours(a),
    monthly: a.cumulative.map(toHours),
    met: a.met,
    missingCentralized: a.missingCentralized,
    behind: month > 0 && !a.met && behindAt(a, month),
  };
}

/** Active members in the caller's study scope within `orgId`'s subtree. */
async function peopleUnder(ctx: Ctx, orgPath: string): Promise<Person[]> {
  return ctx.db
    .select({ id: members.id, name: members.name, orgId: orgs.id, orgName: orgs.name, orgPath: orgs.path })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(members.status, 'active'), scopeWhere(ctx.actor, 'study:read', orgs.path), sql`${orgs.path} like ${`${orgPath}%`}`))
    .orderBy(orgs.path, members.name);
}

/**
 * Every member on the roll under `orgPath` with their 学时 account for `year`, whether they met the requirement and
 * whether they are behind pace (as of asOfMonth): the one rule the 学时汇总 and the study facts share.
 */
export async function hoursUnder(ctx: Ctx, orgPath: string, year: number) {
  const month = asOfMonth(ctx, year);
  return (await accounts(ctx, await peopleUnder(ctx, orgPath), year)).map(({ p, a }) => ({
    p,
    a,
    behind: month > 0 && !a.met && behindAt(a, month),
  }));
}

/** 学时统计: each member of an org's subtree for a year, by form, against the requirement, and who is behind pace. */
export async function orgHours(ctx: Ctx, q: { orgId: string; year: number; month?: number; behindOnly?: boolean }) {
  const o = await studyOrg(ctx, q.orgId);
  const month = q.month ?? asOfMonth(ctx, q.year);
  const rows = (await accounts(ctx, await peopleUnder(ctx, o.path), q.year)).map(({ p, a }) => row(p, a, month));
  return {
    year: q.year,
    asOfMonth: month,
    total: rows.length,
    metCount: rows.filter((r) => r.met).length,
    behindCount: rows.filter((r) => r.behind).length,
    rows: q.behindOnly ? rows.filter((r) => r.behind || (month === 12 && !r.met)) : rows,
  };
}

/** 我的学时: the member's own hours for a year. */
export async function myHours(ctx: Ctx, year: number) {
  const me = await myMember(ctx);
  const [{ a }] = await accounts(ctx, [{ id: me.id, name: me.name, orgId: me.orgId, orgName: me.orgName, orgPath: me.orgPath }], year);
  const month = asOfMonth(ctx, year);
  return { year, ...row({ ...me }, a, month), paceHours: month > 0 ? Math.round((a.requiredHours * month * 10) / 12) / 10 : 0 };
}

/**
 * 汇总: an org and each of its child orgs (their whole subtrees) plus the members held directly at the org, so that
 * the org's figures equal the sum of its parts. Minutes are integers, so the sums are exact.
 */
export async function rollup(ctx: Ctx, q: { orgId: string; year: number }) {
  const o = await studyOrg(ctx, q.orgId);
  const all = await hoursUnder(ctx, o.path, q.year);
  const children = await ctx.db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.parentId, o.id), eq(orgs.status, 'active')))
    .orderBy(orgs.sortOrder, orgs.name);
  const sum = (id: string, name: string, pick: typeof all) => ({
    orgId: id,
    name,
    members: pick.length,
    minutes: pick.reduce((s, x) => s + x.a.totalMinutes, 0),
    hours: toHours(pick.reduce((s, x) => s + x.a.totalMinutes, 0)),
    perMember: perMemberHours(
      pick.reduce((s, x) => s + x.a.totalMinutes, 0),
      pick.length,
    ),
    metCount: pick.filter((x) => x.a.met).length,
    behindCount: pick.filter((x) => x.behind).length,
  });
  return {
    year: q.year,
    org: sum(o.id, o.name, all),
    direct: sum(
      o.id,
      `${o.name}（直属党员）`,
      all.filter((x) => x.p.orgId === o.id),
    ),
    children: children.map((c) =>
      sum(
        c.id,
        c.name,
        all.filter((x) => x.p.orgPath.startsWith(c.path)),
      ),
    ),
  };
}
