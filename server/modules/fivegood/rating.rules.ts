import { type Placeholder, type SQL, sql } from 'drizzle-orm';

/** All five "好": the top grade when no rubric is on record (a rating entered before any rubric was seeded). */
const FIVE_GOOD = 5;

/**
 * "五个好" 已命名, the one definition (domain.md §7): per branch, its latest rating of `year` (a naming or a later veto
 * demotion) when that is a naming at the top grade of its rubric (the last label), with its plaque not revoked by the
 * end of that year. A vetoed branch's latest row is the veto, so it does not count. An SQL subquery with the columns
 * of fivegood_ratings, to be aliased by the caller; its own aliases are prefixed so the caller's names stay free.
 */
export function namedRatings(year: number | Placeholder | SQL): SQL {
  return sql`(select fg_l.* from (
      select distinct on (fg_r.org_id) fg_r.* from fivegood_ratings fg_r
      where fg_r.year = ${year}
      order by fg_r.org_id, fg_r.created_at desc, fg_r.id desc) fg_l
    where fg_l.kind = 'named'
      and (fg_l.plaque_status is distinct from 'revoked' or fg_l.revoked_on > make_date((${year})::int, 12, 31))
      and fg_l.grade = coalesce((select jsonb_array_length(fg_rb.content -> 'labels') - 1 from fivegood_rubrics fg_rb
        where fg_rb.id = coalesce((select fg_c.rubric_id from fivegood_campaigns fg_c where fg_c.id = fg_l.campaign_id),
          (select fg_x.id from fivegood_rubrics fg_x order by fg_x.version desc limit 1))), ${FIVE_GOOD}))`;
}

/** The count of {@link namedRatings} in the subtree at `path` (an SQL expression), as an SQL scalar (int). */
export function namedFiveGoodCount(path: SQL, year: number | Placeholder | SQL): SQL {
  return sql`(select count(*)::int from ${namedRatings(year)} fg_n join orgs fg_no on fg_no.id = fg_n.org_id
    where starts_with(fg_no.path, ${path}))`;
}
