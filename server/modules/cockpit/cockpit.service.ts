import type { OrgType } from '../../../common/access.ts';
import type { CockpitOutT } from '../../../common/cockpit.ts';
import { MEETING_TYPES } from '../../../common/meeting.ts';
import { scopePaths } from '../../platform/access/actor.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { factScopeOf } from '../../platform/facts/fact.scope.ts';
import { headlineValues } from './cockpit.headline.ts';
import { threeOneRates } from './cockpit.rates.ts';
import type { cockpitRollups } from './cockpit.table.ts';
import { warningCounts } from './cockpit.warnings.ts';
import { readCockpit } from './cockpit-read.service.ts';

type RollupRow = typeof cockpitRollups.$inferSelect;

const ZERO_TOTALS = {
  committees: 0,
  generalBranches: 0,
  branches: 0,
  groups: 0,
  fullMembers: 0,
  probationaryMembers: 0,
  transfersOpen: 0,
  version: 0,
};
const hours = (min: number) => Math.round((min / 60) * 10) / 10;
const perMember = (min: number, n: number) => (n ? Math.round((min / 60 / n) * 100) / 100 : 0);
const threeOne = (r?: RollupRow) => (r ? r.membersAssembly + r.branchCommittee + r.groupMeeting + r.partyLecture : 0);
const allMeetings = (r?: RollupRow) =>
  r ? threeOne(r) + r.themeDay + r.lifeMeeting + r.committeeMeeting + r.centralGroupStudy + r.heartTalk : 0;
const rate = (met: number, n: number) => (n ? Math.round((met / n) * 1000) / 1000 : null);

/** The facts the headline shows (cockpit.headline.ts): every card's figure is the value of the fact it links to. */
const HEADLINE_KEYS = [
  'orgs.committee',
  'orgs.general_branch',
  'orgs.branch',
  'orgs.group',
  'members.full',
  'members.probationary',
  'members.total',
  ...MEETING_TYPES.map((t) => `meetings.${t}` as const),
  'meetings.three_one',
  'meetings.three_one_rate',
  'meetings.first_topic',
  'study.hours',
  'study.hours_per_member',
  'fivegood.named',
  'transfers.open',
] as const;

/** The org the cockpit opens on: `orgId` when in the caller's scope (else 404), by default the caller's top org. */
async function target(ctx: Ctx, orgId: string | undefined, year: number) {
  const scope = scopePaths(ctx.actor, 'cockpit:read');
  const top = [...scope].sort((a, b) => a.length - b.length)[0];
  const id = orgId ?? top?.split('/').filter(Boolean).at(-1);
  if (!id) throw notFound('组织');
  const read = await readCockpit(ctx.db, id, year);
  const topPath = read && scope.find((p) => read.org.path.startsWith(p));
  if (!read || !topPath) throw notFound('组织');
  return { read, topPath };
}

/**
 * 驾驶舱 figures of one org's subtree for a year: headline, monthly series and one line per direct child. Every
 * figure is read from the maintained roll-ups by key, in one statement; only the 三会一课 rate evaluates the
 * branches' own monthly counts against the rule table.
 */
export async function cockpitFigures(ctx: Ctx, q: { orgId?: string; year?: number }): Promise<CockpitOutT> {
  const year = q.year ?? Number(cstDate(ctx.now).slice(0, 4));
  const { read, topPath } = await target(ctx, q.orgId, year);
  const { org, children, fivegood } = read;
  const pathIds = (p: string) => p.split('/').filter(Boolean);
  // from the caller's top org down to this one
  const trailIds = new Set(pathIds(org.path).slice(pathIds(topPath).length - 1));
  const trail = read.chain.filter((a) => trailIds.has(a.id));
  const [rates, warnings] = await Promise.all([threeOneRates(ctx, org, year, read.version), warningCounts(ctx, org.id, read.version)]);
  const h = await headlineValues(ctx, factScopeOf(org, year, ctx.now), HEADLINE_KEYS);
  const n = (k: (typeof HEADLINE_KEYS)[number]) => h[k] ?? 0;
  const compliance = (id: string) => (id === org.id ? rates.all : (rates.byChild.get(id) ?? { branches: 0, met: 0, due: false }));
  const c = compliance(org.id);
  const threeOneRate = h['meetings.three_one_rate'];
  return {
    org: { id: org.id, name: org.name, type: org.type as OrgType },
    trail: trail.sort((a, b) => a.depth - b.depth).map(({ id, name }) => ({ id, name })),
    year,
    asOf: cstDate(ctx.now),
    headline: {
      orgs: { committee: n('orgs.committee'), general_branch: n('orgs.general_branch'), branch: n('orgs.branch'), group: n('orgs.group') },
      members: { full: n('members.full'), probationary: n('members.probationary'), total: n('members.total') },
      meetings: Object.fromEntries(MEETING_TYPES.map((t) => [t, n(`meetings.${t}`)])) as Record<(typeof MEETING_TYPES)[number], number>,
      threeOneMeetings: n('meetings.three_one'),
      firstTopics: n('meetings.first_topic'),
      studyHours: n('study.hours'),
      studyHoursPerMember: n('study.hours_per_member'),
      threeOne: { branches: c.branches, met: c.met, rate: threeOneRate === null ? null : Math.round(threeOneRate * 10) / 1000 },
      fivegood: { ...fivegood, named: n('fivegood.named') },
      warnings,
      transfersOpen: n('transfers.open'),
    },
    monthly: Array.from({ length: 12 }, (_, i) => {
      const m = read.own.find((x) => x.month === i + 1);
      return {
        month: i + 1,
        meetings: allMeetings(m),
        threeOneMeetings: threeOne(m),
        studyHours: hours(m?.studyMinutes ?? 0),
        firstTopics: m?.firstTopics ?? 0,
      };
    }),
    children: children.map((ch) => {
      const y = ch.year ?? undefined;
      const ct = ch.totals ?? { orgId: ch.id, ...ZERO_TOTALS };
      const n = ct.fullMembers + ct.probationaryMembers;
      const cc = compliance(ch.id);
      return {
        org: { id: ch.id, name: ch.name, type: ch.type as OrgType },
        members: n,
        branches: ct.branches,
        meetings: allMeetings(y),
        threeOneMeetings: threeOne(y),
        firstTopics: y?.firstTopics ?? 0,
        studyHours: hours(y?.studyMinutes ?? 0),
        studyHoursPerMember: perMember(y?.studyMinutes ?? 0, n),
        threeOneRate: cc.due ? rate(cc.met, cc.branches) : null,
        transfersOpen: ct.transfersOpen,
      };
    }),
  };
}
