// The data sources of the 五个好 indicators, one definition each. A source loads what it needs for a whole batch of
// branches with grouped queries (never one query per branch), then judges each branch and indicator in memory.
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inScope } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { cstDate } from '../../platform/clock.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { endsOn } from '../committee/committee.service.ts';
import { committeeMembers, committees } from '../committee/committee.table.ts';
import { reminderMonths, termState } from '../committee/term.rules.ts';
import { warningsOf } from '../establishment/establishment.service.ts';
import { evaluateCalendar, type OrgRow } from '../meeting/calendar.service.ts';
import { topicRelayCounts } from '../meeting/held-rollup.table.ts';
import { FIRST_TOPIC_POSITION, HELD_STATUSES } from '../meeting/meeting.rules.ts';
import { meetingAgendaItems, meetings } from '../meeting/meeting.table.ts';
import { firstTopics } from '../meeting/topic.table.ts';
import { members } from '../member/member.table.ts';
import { pathIds } from '../org/org.paths.ts';
import { type Batch, group, pct, type Source, withinBatch } from './indicator.batch.ts';
import { studyHours } from './indicator.study.ts';

const ids = (b: Batch) => b.targets.map((o) => o.id);
const topicOrg = alias(orgs, 'topic_org');

/** 第一议题: topics pushed to the branch that it relayed, over all pushed to it (studies of its own topics count too). */
export const firstTopic: Source = async (b) => {
  const from = new Date(`${b.year}-01-01T00:00:00+08:00`);
  const to = new Date(`${b.year + 1}-01-01T00:00:00+08:00`);
  // pushed to a branch: published this year at the branch or above it
  const pushedThisYear = and(
    isNotNull(firstTopics.pushedAt),
    gte(firstTopics.publishedOn, `${b.year}-01-01`),
    lt(firstTopics.publishedOn, `${b.year + 1}-01-01`),
  );
  const studied = and(
    inArray(meetings.orgId, ids(b)),
    eq(meetingAgendaItems.kind, 'first_topic'),
    eq(meetingAgendaItems.position, FIRST_TOPIC_POSITION),
    inArray(meetings.status, [...HELD_STATUSES]),
    gte(meetings.startsAt, from),
    lt(meetings.startsAt, to),
  );
  const above = [...new Set(b.targets.flatMap((o) => pathIds(o.path)))];
  const [relayed, pushed, rows, topics] = await Promise.all([
    // distinct topics relayed per org, from the maintained counts by publisher (a few rows per org)
    b.ctx.db
      .select({
        orgId: topicRelayCounts.orgId,
        n: sql<number>`coalesce(sum(${topicRelayCounts.topics}), 0)::int`,
        pushed: sql<number>`coalesce(sum(${topicRelayCounts.topics}) filter (where ${topicRelayCounts.pushedYear} = ${b.year}
          and starts_with(${orgs.path}, ${topicOrg.path})), 0)::int`,
      })
      .from(topicRelayCounts)
      .innerJoin(orgs, eq(orgs.id, topicRelayCounts.orgId))
      .innerJoin(topicOrg, eq(topicOrg.id, topicRelayCounts.topicOrgId))
      .where(and(inArray(topicRelayCounts.orgId, ids(b)), eq(topicRelayCounts.year, b.year)))
      .groupBy(topicRelayCounts.orgId),
    b.ctx.db
      .select({ orgId: firstTopics.orgId, n: sql<number>`count(*)::int` })
      .from(firstTopics)
      .where(and(pushedThisYear, inArray(firstTopics.orgId, above)))
      .groupBy(firstTopics.orgId),
    b.evidence
      ? b.ctx.db
          .select({
            orgId: meetings.orgId,
            meetingId: meetings.id,
            meetingTitle: meetings.title,
            startsAt: meetings.startsAt,
            topicId: firstTopics.id,
            topicTitle: firstTopics.title,
          })
          .from(meetingAgendaItems)
          .innerJoin(meetings, eq(meetings.id, meetingAgendaItems.meetingId))
          .innerJoin(firstTopics, eq(firstTopics.id, meetingAgendaItems.topicId))
          .where(studied)
          .orderBy(asc(meetings.startsAt), asc(meetings.id))
      : [],
    b.evidence
      ? b.ctx.db
          .select({ id: firstTopics.id, orgId: firstTopics.orgId, title: firstTopics.title, publishedOn: firstTopics.publishedOn })
          .from(firstTopics)
          .where(and(pushedThisYear, inArray(firstTopics.orgId, above)))
          .orderBy(asc(firstTopics.publishedOn), asc(firstTopics.id))
      : [],
  ]);
  const relayedBy = new Map(relayed.map((r) => [r.orgId, r]));
  const pushedBy = new Map(pushed.map((r) => [r.orgId, r.n]));
  const rowsBy = group(rows, (r) => r.orgId);
  return (o) => {
    const reads = inScope(b.ctx.actor, 'meeting:read', o.path);
    // only an active branch in the caller's meeting scope is held to the topics pushed to it
    const held = reads && o.status === 'active' && (o.type === 'branch' || o.type === 'general_branch');
    const chain = pathIds(o.path);
    const r = reads ? relayedBy.get(o.id) : undefined;
    const n = r?.n ?? 0;
    const missingCount = held ? chain.reduce((s, id) => s + (pushedBy.get(id) ?? 0), 0) - (r?.pushed ?? 0) : 0;
    const total = n + missingCount;
    const ratio = total ? n / total : 0;
    const mine = reads ? (rowsBy.get(o.id) ?? []) : [];
    const done = new Set(mine.map((x) => x.topicId));
    const missing = held ? topics.filter((t) => chain.includes(t.orgId) && !done.has(t.id)) : [];
    return {
      ratio,
      measure: total ? `学习第一议题${n}个，应学${total}个，覆盖率${pct(ratio)}` : '本年度没有第一议题学习记录',
      evidence: [
        ...mine.map((x) => ({
          title: `${cstDate(x.startsAt)} ${x.meetingTitle}：${x.topicTitle}`,
          link: `/meetings/${x.meetingId}`,
          ok: true,
        })),
        ...missing.map((t) => ({ title: `未学习：${t.title}（${t.publishedOn}发布）`, link: null, ok: false })),
      ],
    };
  };
};

/** 三会一课 etc.: periods of the year (so far) meeting the rule table's frequency, over periods due. */
export const meetingCompliance: Source = async (b) => {
  const list: OrgRow[] = b.targets.map((o) => ({ ...o, attributes: o.attributes ?? {} }));
  const cal = new Map((await evaluateCalendar(b.ctx, list, b.year, await rules(b.ctx))).map((e) => [e.org.id, e]));
  return (o, ind) => {
    const rows = (cal.get(o.id)?.rows ?? []).filter((r) => ind.sourceKeys.includes(r.key));
    let met = 0;
    let due = 0;
    const evidence = rows.map((r) => {
      const counted = r.periods.filter((p) => p.status !== 'grey');
      const ok = counted.filter((p) => p.held >= r.minCount).length;
      met += ok;
      due += counted.length;
      return {
        title: `${r.label}：${ok}/${counted.length}个周期达标（${counted.map((p) => `${p.label}${p.held}次`).join('、')}）`,
        link: `/meetings/calendar?orgId=${o.id}&year=${b.year}`,
        ok: ok === counted.length,
      };
    });
    // no requirement of the rule table applies (e.g. 支委会 for a branch without a committee): nothing to deduct
    if (!rows.length) return { ratio: 1, measure: '按规则表本支部无此项会议要求，不扣分', evidence: b.evidence ? evidence : [] };
    const ratio = due ? met / due : 0;
    return {
      ratio,
      measure: due ? `达标周期${met}/${due}（${pct(ratio)}）` : '本年度尚无到期的考核周期',
      evidence: b.evidence ? evidence : [],
    };
  };
};

/** 按期换届: the current committee exists and its term is not overdue. */
export const committeeTerm: Source = async (b) => {
  const list = await b.ctx.db
    .select({
      c: committees,
      seats: sql<number>`(select count(*) from ${committeeMembers} cm join ${members} sm on sm.id = cm.member_id
        where cm.committee_id = committees.id)::int`,
    })
    .from(committees)
    .where(and(inArray(committees.orgId, ids(b)), eq(committees.status, 'current')))
    .orderBy(desc(committees.electedOn));
  const months = reminderMonths(await rules(b.ctx));
  const today = cstDate(b.ctx.now);
  const current = new Map<string, (typeof list)[number]>();
  for (const x of list) if (!current.has(x.c.orgId)) current.set(x.c.orgId, x);
  return (o) => {
    const cur = current.get(o.id);
    if (!cur) return { ratio: 0, measure: '未录入现任支部委员会', evidence: [] };
    const end = endsOn(cur.c);
    const ok = termState(end, today, months).kind !== 'overdue';
    return {
      ratio: ok ? 1 : 0,
      measure: ok ? `现任委员会任期至${end}，未超期` : `任期已于${end}届满，未按期换届`,
      evidence: b.evidence ? [{ title: `${cur.c.electedOn}选举产生，委员${cur.seats}人`, link: `/committees?orgId=${o.id}`, ok }] : [],
    };
  };
};

/** 组织设置: no error-level establishment finding = full; each error takes half, each warning a quarter. */
export const orgSetup: Source = async (b) => {
  const active = b.targets.filter((o) => o.status === 'active');
  const rank = { error: 0, warning: 1, notice: 2 } as const;
  const found = group(
    (await warningsOf(b.ctx, active, withinBatch(b))).filter((f) => f.level !== 'notice').sort((x, y) => rank[x.level] - rank[y.level]),
    (f) => f.orgId,
  );
  return (o) => {
    const mine = found.get(o.id) ?? [];
    const errors = mine.filter((f) => f.level === 'error').length;
    const warnings = mine.length - errors;
    return {
      ratio: Math.max(0, 1 - errors * 0.5 - warnings * 0.25),
      measure: mine.length ? `组织设置预警${errors}项错误、${warnings}项提醒` : '组织设置符合规定',
      evidence: b.evidence ? mine.map((f) => ({ title: f.message, link: `/orgs/warnings?orgId=${o.id}`, ok: false })) : [],
    };
  };
};

export type { Batch, Source, SourceEvidence, SourceFinding } from './indicator.batch.ts';
export { studyHours };
