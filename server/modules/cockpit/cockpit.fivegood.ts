import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import { orgs } from '../../platform/access/org.table.ts';
import { fivegoodAssessments, fivegoodCampaigns } from '../fivegood/fivegood.table.ts';
import { namedFiveGoodCount } from '../fivegood/rating.rules.ts';

export type FivegoodFigures = {
  campaign: { name: string; status: string } | null;
  byStatus: Record<string, number>;
  named: number;
};

/**
 * "五个好" creation in the subtree at `path` (an SQL expression of the enclosing query) for `year`, as one json value
 * ({@link FivegoodFigures}): the campaign covering it (the nearest one launched at the org or an ancestor), its
 * branches' assessments by status, and the branches named "五个好" that year (rating.rules.ts).
 */
export function fivegoodJson(path: SQL, year: number | Placeholder): SQL {
  const chain = sql`cockpit_chain(${path})`;
  return sql`json_build_object(
    'campaign', (select json_build_object('name', ${fivegoodCampaigns.name}, 'status', ${fivegoodCampaigns.status})
      from ${fivegoodCampaigns}
      where ${fivegoodCampaigns.year} = ${year} and ${fivegoodCampaigns.orgId} = any(${chain})
      order by array_position(${chain}, ${fivegoodCampaigns.orgId}) desc limit 1),
    'byStatus', coalesce((select json_object_agg(s.status, s.n) from (
      select ${fivegoodAssessments.status} as status, count(*)::int as n
      from ${fivegoodAssessments}
      join ${fivegoodCampaigns} on ${fivegoodCampaigns.id} = ${fivegoodAssessments.campaignId}
      join ${orgs} on ${orgs.id} = ${fivegoodAssessments.orgId}
      where ${fivegoodCampaigns.year} = ${year} and starts_with(${orgs.path}, ${path})
      group by ${fivegoodAssessments.status}) s), '{}'::json),
    'named', ${namedFiveGoodCount(path, year)})`;
}
