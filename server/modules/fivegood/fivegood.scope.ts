import { sql } from 'drizzle-orm';
import { locateBy, type ResourceResolver, rowResolver } from '../../platform/access/resolve.ts';
import { fivegoodAssessments } from './fivegood.table.ts';
import { fivegoodRatings, fivegoodRectifications } from './rating.table.ts';

/** 五个好 objects lie in their branch's org; a campaign in its launching org and in every branch it assesses. */
export const fivegoodResolvers: ResourceResolver[] = [
  rowResolver('fivegood_assessment', '自评记录', fivegoodAssessments),
  rowResolver('fivegood_rating', '命名记录', fivegoodRatings),
  rowResolver('fivegood_rectification', '整改事项', fivegoodRectifications),
  {
    resource: 'fivegood_objection',
    label: '异议',
    locate: (db, id) =>
      locateBy(
        db,
        sql`select o.path from fivegood_objections x join fivegood_assessments a on a.id = x.assessment_id join orgs o on o.id = a.org_id where x.id = ${id}`,
      ),
  },
  {
    resource: 'fivegood_campaign',
    label: '创建活动',
    locate: (db, id) =>
      locateBy(
        db,
        sql`select o.path from fivegood_campaigns c join orgs o on o.id = c.org_id where c.id = ${id}
          union all select o.path from fivegood_assessments a join orgs o on o.id = a.org_id where a.campaign_id = ${id}`,
      ),
  },
];
