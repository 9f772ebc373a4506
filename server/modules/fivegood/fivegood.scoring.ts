// The 五个好 data-backed proposals for many branches at once: each data source loads what it needs for the whole
// list with a few grouped queries, then judges every branch in memory. The per-branch proposals of an assessment
// are the same code with a one-element list, so the batch and the page cannot disagree.
import { inArray } from 'drizzle-orm';
import { DATA_SOURCE_LABELS, type DataSource, type Indicator } from '../../../common/fivegood.ts';
import { inScope } from '../../platform/access/actor.ts';
import { type Org, orgs } from '../../platform/access/org.table.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { commonPath } from '../org/org.paths.ts';
import {
  type Batch,
  committeeTerm,
  firstTopic,
  meetingCompliance,
  orgSetup,
  type Source,
  type SourceFinding,
  studyHours,
} from './indicator.sources.ts';

type Judge = Awaited<ReturnType<Source>>;

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

export type Proposal = SourceFinding & { key: string; source: DataSource; sourceLabel: string; points: number; score: number };

/**
 * Proposals for every data-backed indicator of a rubric, for each of `orgIds` (all in the caller's scope, else
 * 404) and `year`; `evidence: false` leaves out the records behind each finding (the figures are the same).
 */
export async function scoreBranches(
  ctx: Ctx,
  orgIds: string[],
  year: number,
  inds: Indicator[],
  opts: { evidence: boolean } = { evidence: false },
): Promise<Map<string, Proposal[]>> {
  const ids = [...new Set(orgIds)];
  const targets = ids.length ? await ctx.db.select().from(orgs).where(inArray(orgs.id, ids)) : [];
  if (targets.length !== ids.length || targets.some((o) => !inScope(ctx.actor, 'org:read', o.path))) throw notFound('组织');
  const byId = new Map(targets.map((o) => [o.id, o]));
  const ordered = ids.map((id) => byId.get(id) as Org);
  const batch: Batch = { ctx, targets: ordered, year, evidence: opts.evidence, within: commonPath(ordered.map((o) => o.path)) };
  const used = inds.filter((i) => i.source);
  const kinds = [...new Set(used.map((i) => i.source as DataSource))];
  const judges = new Map(await Promise.all(kinds.map(async (k) => [k, await SOURCES[k](batch)] as const)));
  const out = new Map<string, Proposal[]>();
  for (const o of ordered)
    out.set(
      o.id,
      used.map((ind) => {
        const source = ind.source as DataSource;
        const f = (judges.get(source) as Judge)(o, ind);
        return {
          key: ind.key,
          source,
          sourceLabel: DATA_SOURCE_LABELS[source],
          points: ind.points,
          score: proposedScore(ind.points, f.ratio),
          ...f,
        };
      }),
    );
  return out;
}

/** Proposals for every data-backed indicator of a rubric for one branch and year, with the records behind them. */
export async function proposals(ctx: Ctx, orgId: string, year: number, inds: Indicator[]) {
  return (await scoreBranches(ctx, [orgId], year, inds, { evidence: true })).get(orgId) ?? [];
}
