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

/**
 * The branches of the year's campaigns in the subtree (one assessment per branch): all of them (应评), those not ruled
 * ineligible (参评), and those the SASAC confirmed with a grade (已审定) — the 进度看板's figures.
 */
const assessmentRows =
  (which: 'all' | 'eligible' | 'graded') =>
  (s: FactScope): FactRows => ({
    from: sql`fivegood_assessments x join fivegood_campaigns c on c.id = x.campaign_id join orgs o on o.id = x.org_id`,
    where: sql`c.year = ${s.year} and starts_with(o.path, ${s.org.path})${
      which === 'eligible' ? sql` and x.status <> 'ineligible'` : which === 'graded' ? sql` and x.grade is not null` : sql``
    }`,
    id: sql`x.id`,
    title: sql`o.name || '：' || c.name`,
    orgId: sql`o.id`,
    orgName: sql`o.name`,
    date: sql`((x.updated_at at time zone 'UTC') + interval '8 hours')::date`,
  });

// On the cockpit and on the 五个好 进度看板: every reader of either holds fivegood:read.
export const fivegoodFacts: FactDef[] = [
  countFact({ key: 'fivegood.named', label: '"五个好"已命名', unit: '个', permission: 'fivegood:read', rows: namedRows }),
  countFact({ key: 'fivegood.in_review', label: '"五个好"审核中', unit: '个', permission: 'fivegood:read', rows: inReviewRows }),
  countFact({ key: 'fivegood.branches', label: '"五个好"应评支部', unit: '个', permission: 'fivegood:read', rows: assessmentRows('all') }),
  countFact({
    key: 'fivegood.eligible',
    label: '"五个好"参评支部',
    unit: '个',
    permission: 'fivegood:read',
    rows: assessmentRows('eligible'),
  }),
  countFact({ key: 'fivegood.graded', label: '"五个好"已审定', unit: '个', permission: 'fivegood:read', rows: assessmentRows('graded') }),
];
