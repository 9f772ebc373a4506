import { and, eq, inArray } from 'drizzle-orm';
import { DATA_SOURCE_LABELS, type DataSource, type Indicator } from '../../../common/fivegood.ts';
import type { Ctx } from '../../platform/context.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { listOrgCommittees } from '../committee/committee.service.ts';
import { committeeMembers, committees } from '../committee/committee.table.ts';
import { orgCalendar } from '../meeting/calendar.service.ts';
import { ledger } from '../meeting/ledger.service.ts';
import { members } from '../member/member.table.ts';
import { orgWarnings } from '../org/org.warnings.service.ts';
import { accountHours, hoursRules } from '../study/hours.rules.ts';
import { studyAttendees, studyRecords } from '../study/record.table.ts';

export type SourceEvidence = { title: string; link: string | null; ok: boolean };
/** What a data source found in the assessed year: a ratio of attainment (0–1), a one-line measure and the records. */
export type SourceFinding = { ratio: number; measure: string; evidence: SourceEvidence[] };
type Source = (ctx: Ctx, orgId: string, year: number, ind: Indicator) => Promise<SourceFinding>;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** 第一议题: topics pushed to the branch that it relayed, over all pushed to it (studies of its own topics count too). */
const firstTopic: Source = async (ctx, orgId, year) => {
  const l = await ledger(ctx, orgId, year);
  const mine = l.rows.filter((r) => r.orgId === orgId);
  const relayed = new Set(mine.map((r) => r.topicId));
  const missing = l.unreached.filter((t) => t.orgs.some((o) => o.id === orgId) && !relayed.has(t.topicId));
  const total = relayed.size + missing.length;
  const ratio = total ? relayed.size / total : 0;
  return {
    ratio,
    measure: total ? `学习第一议题${relayed.size}个，应学${total}个，覆盖率${pct(ratio)}` : '本年度没有第一议题学习记录',
    evidence: [
      ...mine.map((r) => ({ title: `${r.heldOn} ${r.meetingTitle}：${r.topicTitle}`, link: `/meetings/${r.meetingId}`, ok: true })),
      ...missing.map((t) => ({ title: `未学习：${t.title}（${t.publishedOn}发布）`, link: null, ok: false })),
    ],
  };
};

/** 三会一课 etc.: periods of the year (so far) meeting the rule table's frequency, over periods due. */
const meetingCompliance: Source = async (ctx, orgId, year, ind) => {
  const cal = await orgCalendar(ctx, orgId, year);
  const rows = cal.rows.filter((r) => ind.sourceKeys.includes(r.key));
  let met = 0;
  let due = 0;
  const evidence = rows.map((r) => {
    const counted = r.periods.filter((p) => p.status !== 'grey');
    const ok = counted.filter((p) => p.held >= r.minCount).length;
    met += ok;
    due += counted.length;
    return {
      title: `${r.label}：${ok}/${counted.length}个周期达标（${counted.map((p) => `${p.label}${p.held}次`).join('、')}）`,
      link: `/meetings/calendar?orgId=${orgId}&year=${year}`,
      ok: ok === counted.length,
    };
  });
  // no requirement of the rule table applies (e.g. 支委会 for a branch without a committee): nothing to deduct
  if (!rows.length) return { ratio: 1, measure: '按规则表本支部无此项会议要求，不扣分', evidence };
  const ratio = due ? met / due : 0;
  return { ratio, measure: due ? `达标周期${met}/${due}（${pct(ratio)}）` : '本年度尚无到期的考核周期', evidence };
};

/** 按期换届: the current committee exists and its term is not overdue. */
const committeeTerm: Source = async (ctx, orgId) => {
  const list = await listOrgCommittees(ctx, orgId);
  const cur = list.find((c) => c.status === 'current');
  if (!cur) return { ratio: 0, measure: '未录入现任支部委员会', evidence: [] };
  const ok = cur.termState !== 'overdue';
  return {
    ratio: ok ? 1 : 0,
    measure: ok ? `现任委员会任期至${cur.endsOn}，未超期` : `任期已于${cur.endsOn}届满，未按期换届`,
    evidence: [{ title: `${cur.electedOn}选举产生，委员${cur.members.length}人`, link: `/committees?orgId=${orgId}`, ok }],
  };
};

/** 组织设置: no error-level establishment finding = full; each error takes half, each warning a quarter. */
const orgSetup: Source = async (ctx, orgId) => {
  const found = (await orgWarnings(ctx, { orgId, only: true })).filter((f) => f.orgId === orgId && f.level !== 'notice');
  const errors = found.filter((f) => f.level === 'error').length;
  const warnings = found.length - errors;
  const ratio = Math.max(0, 1 - errors * 0.5 - warnings * 0.25);
  return {
    ratio,
    measure: found.length ? `组织设置预警${errors}项错误、${warnings}项提醒` : '组织设置符合规定',
    evidence: found.map((f) => ({ title: f.message, link: `/orgs/warnings?orgId=${orgId}`, ok: false })),
  };
};

/** 学时达标: active members whose credited study hours of the year meet the requirement (leaders: committee seats). */
const studyHours: Source = async (ctx, orgId, year) => {
  const r = hoursRules(await rules(ctx));
  const list = await ctx.db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.orgId, orgId), eq(members.status, 'active')));
  if (!list.length) return { ratio: 0, measure: '支部没有在册党员', evidence: [] };
  const ids = list.map((m) => m.id);
  const entries = await ctx.db
    .select({
      memberId: studyAttendees.memberId,
      form: studyRecords.form,
      on: studyRecords.occurredOn,
      minutes: studyRecords.minutes,
      span: studyRecords.span,
    })
    .from(studyAttendees)
    .innerJoin(studyRecords, eq(studyRecords.id, studyAttendees.recordId))
    .where(inArray(studyAttendees.memberId, ids));
  const seats = await ctx.db
    .select({ memberId: committeeMembers.memberId })
    .from(committeeMembers)
    .innerJoin(committees, eq(committees.id, committeeMembers.committeeId))
    .where(and(eq(committees.orgId, orgId), eq(committees.status, 'current')));
  const leaders = new Set(seats.map((s) => s.memberId));
  const accounts = list.map((m) => ({
    m,
    a: accountHours(
      entries.filter((e) => e.memberId === m.id),
      r,
      { year, leader: leaders.has(m.id) },
    ),
  }));
  const met = accounts.filter((x) => x.a.met).length;
  const ratio = met / list.length;
  return {
    ratio,
    measure: `学时达标${met}/${list.length}人（${pct(ratio)}）`,
    evidence: accounts
      .filter((x) => !x.a.met)
      .slice(0, 50)
      .map((x) => ({ title: `${x.m.name}：${Math.round(x.a.totalMinutes / 6) / 10}/${x.a.requiredHours}学时`, link: null, ok: false })),
  };
};

/** The registry of data sources an indicator may declare. */
export const SOURCES: Record<DataSource, Source> = {
  first_topic: firstTopic,
  meeting_compliance: meetingCompliance,
  committee_term: committeeTerm,
  org_setup: orgSetup,
  study_hours: studyHours,
};

/** Score proposed from a finding: the indicator's points × attainment, rounded down to half points. */
export const proposedScore = (points: number, ratio: number) => Math.floor(points * Math.min(Math.max(ratio, 0), 1) * 2) / 2;

/** Proposals for every data-backed indicator of a rubric for one branch and year. */
export async function proposals(ctx: Ctx, orgId: string, year: number, inds: Indicator[]) {
  const out = [];
  for (const ind of inds.filter((i) => i.source)) {
    const source = ind.source as DataSource;
    const f = await SOURCES[source](ctx, orgId, year, ind);
    out.push({
      key: ind.key,
      source,
      sourceLabel: DATA_SOURCE_LABELS[source],
      points: ind.points,
      score: proposedScore(ind.points, f.ratio),
      ...f,
    });
  }
  return out;
}
