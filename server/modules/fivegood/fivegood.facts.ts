import { sql } from 'drizzle-orm';
import { countFact, type FactRows, rateFact } from '../../platform/facts/fact.sql.ts';
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

/**
 * 后进支部进位升级率 (promotionRate in fivegood.rules.ts): the year's graded branches whose latest rating of the year
 * before was at most the rubric's veto cap (后进), 1 when this year's grade is higher.
 */
const promotionRows = (s: FactScope): FactRows => ({
  from: sql`fivegood_assessments x join fivegood_campaigns c on c.id = x.campaign_id join orgs o on o.id = x.org_id
    join fivegood_rubrics rb on rb.id = c.rubric_id
    join (select distinct on (p.org_id) p.org_id, p.grade from fivegood_ratings p where p.year = ${s.year - 1}
      order by p.org_id, p.created_at desc, p.id desc) prev on prev.org_id = x.org_id`,
  where: sql`c.year = ${s.year} and starts_with(o.path, ${s.org.path}) and x.grade is not null
    and prev.grade <= (rb.content -> 'veto' ->> 'capGradeAt')::int`,
  id: sql`x.id`,
  title: sql`o.name || '：上年 ' || prev.grade || ' 个好，本年 ' || x.grade || ' 个好'`,
  orgId: sql`o.id`,
  orgName: sql`o.name`,
  date: sql`((x.updated_at at time zone 'UTC') + interval '8 hours')::date`,
  amount: sql`case when x.grade > prev.grade then 1 else 0 end`,
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
  rateFact({
    key: 'fivegood.promotion',
    label: '后进支部进位升级率',
    unit: '%',
    permission: 'fivegood:read',
    digits: 1,
    scale: 100,
    rows: promotionRows,
  }),
];
