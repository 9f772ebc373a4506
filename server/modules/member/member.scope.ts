import { sql } from 'drizzle-orm';
import { locateBy, type ResourceResolver, rowResolver } from '../../platform/access/resolve.ts';
import { members } from './member.table.ts';

/** A member lies in the org it belongs to; a correction request in its member's org. */
export const memberResolvers: ResourceResolver[] = [
  rowResolver('member', '党员', members),
  {
    resource: 'memberChangeRequest',
    label: '更正申请',
    locate: (db, id) =>
      locateBy(
        db,
        sql`select o.path from member_change_requests r join members m on m.id = r.member_id join orgs o on o.id = m.org_id where r.id = ${id}`,
      ),
  },
];

/** The org filter of member lists and exports: optional, the caller's whole scope when omitted. */
export const memberListQueryOrgTarget = { in: 'query', field: 'orgId', resource: 'org', optional: true } as const;
