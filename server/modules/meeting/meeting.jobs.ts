import { and, eq, lte } from 'drizzle-orm';
import { orgs } from '../../platform/access/org.table.ts';
import { cstDate, days } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Job } from '../../platform/jobs/job.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { evaluateCalendar, type OrgRow } from './calendar.service.ts';
import { meetingRules } from './meeting.rules.ts';
import { followUps } from './topic.table.ts';

const responsible = (type: string) => (type === 'committee' ? (['enterprise_staff'] as const) : (['branch_secretary'] as const));

/** Reminds the responsible secretary before a required meeting falls due with none held, and about a missing 组织生活会 after Q3. */
export async function remindDueMeetings(ctx: Ctx): Promise<number> {
  const r = await rules(ctx);
  const mr = meetingRules(r);
  const list = (await ctx.db
    .select({
      id: orgs.id,
      name: orgs.name,
      type: orgs.type,
      path: orgs.path,
      parentId: orgs.parentId,
      depth: orgs.depth,
      attributes: orgs.attributes,
    })
    .from(orgs)
    .where(eq(orgs.status, 'active'))) as OrgRow[];
  const year = Number(cstDate(ctx.now).slice(0, 4));
  const byType = ((r.meetings as Record<string, unknown>)?.by_org_type ?? {}) as Record<
    string,
    Record<string, { remind_if_none_by_end_of_quarter?: number }>
  >;
  let sent = 0;
  for (const e of await evaluateCalendar(ctx, list, year, r)) {
    for (const row of e.rows) {
      for (const p of row.periods) {
        const periodEnd = periodEndOf(year, p.months);
        const open = ctx.now.getTime() < periodEnd && p.held < row.minCount;
        if (open && periodEnd - ctx.now.getTime() <= days(mr.remindDaysBeforeDue) && periodStartOf(year, p.months) <= ctx.now.getTime()) {
          sent += await notify(ctx, {
            orgId: e.org.id,
            roles: [...responsible(e.org.type)],
            kind: 'meeting.due',
            level: 'warning',
            title: `${e.org.name}${p.label}尚未召开${row.label}`,
            body: `按规定${row.label}每${{ month: '月', quarter: '季度', half_year: '半年', year: '年' }[row.per]}至少${row.minCount}次，本期将于${cstDate(new Date(periodEnd - 1))}结束，请及时安排。`,
            link: '/meetings/calendar',
            dedupeKey: `meeting-due:${e.org.id}:${row.key}:${p.key}`,
          });
        }
      }
      const q = byType[e.org.type === 'general_branch' ? 'branch' : e.org.type]?.[row.key]?.remind_if_none_by_end_of_quarter;
      if (q && row.periods.every((p) => p.held === 0) && ctx.now.getTime() >= periodEndOf(year, [q * 3])) {
        sent += await notify(ctx, {
          orgId: e.org.id,
          roles: [...responsible(e.org.type)],
          kind: 'meeting.due',
          level: 'warning',
          title: `${e.org.name}今年尚未召开${row.label}`,
          body: `${row.label}通常在第四季度召开，前三季度尚无记录，请提前安排会前学习、谈心谈话和征求意见。`,
          link: '/meetings/calendar',
          dedupeKey: `meeting-late:${e.org.id}:${row.key}:${year}`,
        });
      }
    }
  }
  return sent;
}

const periodStartOf = (year: number, months: number[]) => Date.UTC(year, months[0] - 1, 1) - 8 * 3_600_000;
const periodEndOf = (year: number, months: number[]) => Date.UTC(year, months[months.length - 1], 1) - 8 * 3_600_000;

/** 落实措施: reminds the owner before the deadline; an overdue one goes to the upper org as 督办. */
export async function remindFollowUps(ctx: Ctx): Promise<number> {
  const mr = meetingRules(await rules(ctx));
  const today = cstDate(ctx.now);
  const soon = cstDate(new Date(ctx.now.getTime() + days(mr.followUpRemindDays)));
  const rows = await ctx.db
    .select({ f: followUps, orgName: orgs.name, parentId: orgs.parentId })
    .from(followUps)
    .innerJoin(orgs, eq(orgs.id, followUps.orgId))
    .where(and(eq(followUps.status, 'open'), lte(followUps.deadline, soon)));
  let sent = 0;
  for (const { f, orgName, parentId } of rows) {
    const overdue = f.deadline < today;
    sent += await notify(ctx, {
      userIds: f.ownerUserId ? [f.ownerUserId] : [],
      orgId: f.orgId,
      roles: ['branch_secretary', 'enterprise_staff'],
      kind: overdue ? 'follow_up.overdue' : 'follow_up.due',
      level: overdue ? 'urgent' : 'warning',
      title: overdue ? `落实措施已逾期：${f.measure}` : `落实措施即将到期：${f.measure}`,
      body: `责任人：${f.ownerName}，完成时限：${f.deadline}`,
      link: `/meetings/${f.meetingId}`,
      dedupeKey: `follow-up-${overdue ? 'overdue' : 'due'}:${f.id}`,
    });
    if (overdue && parentId)
      sent += await notify(ctx, {
        orgId: parentId,
        roles: ['enterprise_staff', 'sasac_staff'],
        kind: 'follow_up.supervise',
        level: 'urgent',
        title: `督办：${orgName}第一议题落实措施逾期`,
        body: `${f.measure}（责任人：${f.ownerName}，时限：${f.deadline}）`,
        link: `/meetings/${f.meetingId}`,
        dedupeKey: `follow-up-supervise:${f.id}`,
      });
  }
  return sent;
}

/** The daily reminder job of organisational life. */
export const meetingReminderJob: Job = {
  name: 'meeting-reminders',
  async run(ctx) {
    const due = await remindDueMeetings(ctx);
    const fu = await remindFollowUps(ctx);
    return `会议提醒 ${due} 条，落实措施提醒 ${fu} 条`;
  },
};
