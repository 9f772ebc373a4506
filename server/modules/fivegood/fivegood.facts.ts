import { sql } from 'drizzle-orm';
import { countFact, type FactRows } from '../../platform/facts/fact.sql.ts';
import type { FactDef, FactScope } from '../../platform/facts/fact.ts';
import { namedRatings } from './rating.rules.ts';

/** "五个好" 已命名 as one definition ({@link namedRatings}), listed per branch with its plaque. */
const namedRows = (s: FactScope): FactRows => ({
  from: sql`${namedRatings(s.year)} r join orgs o on o.id = r.org_id`,
  where: sql`starts_with(o.path, ${s.org.path})`,
  id: sql`r.id`,
  title: sql`o.name || '：' || r.label || coalesce('（牌匾 ' || r.plaque_no || '）', '')`,
  orgId: sql`o.id`,
  orgName: sql`o.name`,
  date: sql`((r.created_at at time zone 'UTC') + interval '8 hours')::date`,
});

/** Assessments of the year's campaigns waiting for the enterprise committee's review or the SASAC's confirmation. */
const inReviewRows = (s: FactScope): FactRows => ({
  from: sql`fivegood_assessments x join fivegood_campaigns c on c.id = x.campaign_id join orgs o on o.id = x.org_id`,
  where: sql`c.year = ${s.year} and x.status in ('submitted', 'forwarded') and starts_with(o.path, ${s.org.path})`,
  id: sql`x.id`,
  title: sql`c.name || '：' || case x.status when 'submitted' then '待企业党委考评' else '待国资委审定' end`,
  orgId: sql`o.id`,
  orgName: sql`o.name`,
  date: sql`((x.updated_at at time zone 'UTC') + interval '8 hours')::date`,
});

export const fivegoodFacts: FactDef[] = [
  countFact({ key: 'fivegood.named', label: '"五个好"已命名', unit: '个', permission: 'cockpit:read', rows: namedRows }),
  countFact({ key: 'fivegood.in_review', label: '"五个好"审核中', unit: '个', permission: 'cockpit:read', rows: inReviewRows }),
];
