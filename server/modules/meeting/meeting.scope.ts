import { sql } from 'drizzle-orm';
import { locateBy, type ResourceResolver, rowResolver } from '../../platform/access/resolve.ts';
import { meetings } from './meeting.table.ts';
import { followUps } from './topic.table.ts';

/** Meetings and follow-ups lie in their org; a 第一议题 pushed down the tree is also readable below its org. */
export const meetingResolvers: ResourceResolver[] = [
  rowResolver('meeting', '会议', meetings),
  rowResolver('follow_up', '落实措施', followUps),
  {
    resource: 'first_topic',
    label: '议题',
    locate: (db, id) =>
      locateBy(
        db,
        sql`select o.path, t.pushed_at is not null as down from first_topics t join orgs o on o.id = t.org_id where t.id = ${id}`,
      ),
  },
];
