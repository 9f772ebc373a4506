import { type Placeholder, type SQL, sql } from 'drizzle-orm';

/**
 * "五个好" 已命名, the one definition: branches in the subtree at `path` (an SQL expression) whose latest rating of
 * `year` is a naming (not a veto demotion) at the top grade of its rubric (the last label), with its plaque not revoked.
 * An SQL scalar (int) for the enclosing query; its aliases are prefixed so `path` may name the enclosing query's tables.
 */
export function namedFiveGoodCount(path: SQL, year: number | Placeholder): SQL {
  return sql`(select count(*)::int from (
      select distinct on (fg_r.org_id) fg_r.kind, fg_r.grade, fg_r.plaque_status, fg_r.campaign_id
      from fivegood_ratings fg_r join orgs fg_o on fg_o.id = fg_r.org_id
      where fg_r.year = ${year} and starts_with(fg_o.path, ${path})
      order by fg_r.org_id, fg_r.created_at desc, fg_r.id desc) fg_l
    where fg_l.kind = 'named' and fg_l.plaque_status is distinct from 'revoked'
      and fg_l.grade = (select jsonb_array_length(fg_rb.content -> 'labels') - 1 from fivegood_rubrics fg_rb
        where fg_rb.id = coalesce((select fg_c.rubric_id from fivegood_campaigns fg_c where fg_c.id = fg_l.campaign_id),
          (select fg_x.id from fivegood_rubrics fg_x order by fg_x.version desc limit 1))))`;
}
