import { sql } from 'drizzle-orm';
import { locateBy, type ResourceResolver } from '../../platform/access/resolve.ts';

/** A transfer lies in both its sending and its receiving org (an outside party leaves one of them empty). */
export const transferResolvers: ResourceResolver[] = [
  {
    resource: 'transfer',
    label: '转接记录',
    locate: (db, id) =>
      locateBy(
        db,
        sql`select f.path from transfers t left join orgs f on f.id = t.from_org_id where t.id = ${id}
          union all select o.path from transfers t join orgs o on o.id = t.to_org_id where t.id = ${id}`,
      ),
  },
];
