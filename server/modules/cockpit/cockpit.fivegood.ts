import { and, eq, inArray, sql } from 'drizzle-orm';
import { escapeLike } from '../../platform/access/scope.ts';
import type { Ctx } from '../../platform/context.ts';
import { fivegoodAssessments, fivegoodCampaigns } from '../fivegood/fivegood.table.ts';
import { fivegoodRatings } from '../fivegood/rating.table.ts';
import type { Org } from '../org/org.table.ts';
import { orgs } from '../org/org.table.ts';

/**
 * "五个好" creation in an org's subtree for a year: the campaign covering it (launched at the org or an ancestor),
 * its branches' assessments by status, and the branches named that year.
 */
export async function fivegoodFigures(ctx: Ctx, org: Pick<Org, 'path'>, year: number) {
  const ancestors = org.path.split('/').filter(Boolean);
  const within = sql`${orgs.path} like ${`${escapeLike(org.path)}%`}`;
  const [campaigns, byStatus, named] = await Promise.all([
    ctx.db
      .select({ name: fivegoodCampaigns.name, status: fivegoodCampaigns.status, orgId: fivegoodCampaigns.orgId })
      .from(fivegoodCampaigns)
      .where(and(eq(fivegoodCampaigns.year, year), inArray(fivegoodCampaigns.orgId, ancestors))),
    ctx.db
      .select({ status: fivegoodAssessments.status, n: sql<number>`count(*)::int` })
      .from(fivegoodAssessments)
      .innerJoin(fivegoodCampaigns, eq(fivegoodCampaigns.id, fivegoodAssessments.campaignId))
      .innerJoin(orgs, eq(orgs.id, fivegoodAssessments.orgId))
      .where(and(eq(fivegoodCampaigns.year, year), within))
      .groupBy(fivegoodAssessments.status),
    ctx.db
      .select({ n: sql<number>`count(distinct ${fivegoodRatings.orgId})::int` })
      .from(fivegoodRatings)
      .innerJoin(orgs, eq(orgs.id, fivegoodRatings.orgId))
      .where(and(eq(fivegoodRatings.year, year), eq(fivegoodRatings.kind, 'named'), within)),
  ]);
  // the nearest campaign above the org
  const campaign = campaigns.sort((a, b) => ancestors.indexOf(b.orgId) - ancestors.indexOf(a.orgId))[0];
  return {
    campaign: campaign ? { name: campaign.name, status: campaign.status } : null,
    byStatus: Object.fromEntries(byStatus.map((x) => [x.status, Number(x.n)])),
    named: Number(named[0]?.n ?? 0),
  };
}
