import { and, eq } from 'drizzle-orm';
import { orgs } from '../../platform/access/org.table.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Job } from '../../platform/jobs/job.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { endsOn } from './committee.service.ts';
import { committees } from './committee.table.ts';
import { reminderMonths, termState } from './term.rules.ts';

/**
 * 换届提醒: for every current committee, one reminder per window (6, 3, 1 months before the end) and one overdue
 * notice. The dedupe key names the end date, so a postponement starts a fresh series and a rerun adds nothing.
 */
export async function remindTerms(ctx: Ctx): Promise<string> {
  const months = reminderMonths(await rules(ctx));
  const today = cstDate(ctx.now);
  const rows = await ctx.db
    .select({ c: committees, orgName: orgs.name })
    .from(committees)
    .innerJoin(orgs, eq(orgs.id, committees.orgId))
    .where(and(eq(committees.status, 'current'), eq(orgs.status, 'active')));
  let sent = 0;
  for (const { c, orgName } of rows) {
    const end = endsOn(c);
    const st = termState(end, today, months);
    if (st.kind === 'ok') continue;
    const base = {
      orgId: c.orgId,
      roles: ['branch_secretary' as const, 'enterprise_staff' as const],
      link: `/committees?orgId=${c.orgId}`,
    };
    if (st.kind === 'due')
      sent += await notify(ctx, {
        ...base,
        kind: 'term_due',
        level: st.monthsBefore <= 1 ? 'urgent' : 'warning',
        title: `${orgName}任期将于 ${end} 届满`,
        body: `距届满不足 ${st.monthsBefore} 个月，请按规定做好换届选举准备；确需延期的，须报上级党组织批准。`,
        dedupeKey: `term:${c.id}:${end}:${st.monthsBefore}`,
      });
    else
      sent += await notify(ctx, {
        ...base,
        kind: 'term_overdue',
        level: 'urgent',
        title: `${orgName}任期已于 ${end} 届满，尚未换届`,
        body: '请尽快组织换届选举，或报上级党组织批准延期并在系统中登记。',
        dedupeKey: `term:${c.id}:${end}:overdue`,
      });
  }
  return `${rows.length} 个委员会，发出 ${sent} 条提醒`;
}

export const termReminderJob: Job = { name: 'committee-term-reminders', run: remindTerms };
