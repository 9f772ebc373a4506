import { and, eq, lte } from 'drizzle-orm';
import { addMonths } from '../../../common/member.ts';
import { cstDate, days } from '../../platform/clock.ts';
import type { Job } from '../../platform/jobs/job.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { probationMonths } from '../../platform/rules/rules.service.ts';
import { members } from './member.table.ts';

export const PROBATION_NOTICE_DAYS = 30;

/**
 * Daily: reminds the branch secretaries of each probationary member whose probation (入党日期 + 预备期 from the
 * rule table) ends within 30 days or has ended, once per member and due date.
 */
export const probationReminderJob: Job = {
  name: 'member.probation-reminder',
  async run(ctx) {
    const months = await probationMonths(ctx.db);
    const horizon = cstDate(new Date(ctx.now.getTime() + days(PROBATION_NOTICE_DAYS)));
    // month-end clamping can move a due date by up to 3 days: select loosely, decide exactly below
    const bound = addMonths(cstDate(new Date(ctx.now.getTime() + days(PROBATION_NOTICE_DAYS + 3))), -months);
    const rows = await ctx.db
      .select({ id: members.id, name: members.name, orgId: members.orgId, joinedOn: members.joinedOn })
      .from(members)
      .where(and(eq(members.category, 'probationary'), eq(members.status, 'active'), lte(members.joinedOn, bound)));
    let sent = 0;
    for (const m of rows) {
      const due = addMonths(m.joinedOn, months);
      if (due > horizon) continue;
      sent += await notify(ctx, {
        orgId: m.orgId,
        roles: ['branch_secretary'],
        kind: 'member.probation-due',
        level: due < cstDate(ctx.now) ? 'warning' : 'info',
        title: `预备党员${m.name}的预备期将于 ${due} 届满`,
        body: '请及时组织转正讨论（支部党员大会）并报上级党委审批',
        link: `/members?id=${m.id}`,
        dedupeKey: `probation-due:${m.id}:${due}`,
      });
    }
    return `${rows.length} 名预备党员临近或已到预备期满，新提醒 ${sent} 条`;
  },
};
