import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '../../../common/access.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { cstDate, days } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Job } from '../../platform/jobs/job.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { stepDeadline } from './assessment.service.ts';
import { fivegoodAssessments, fivegoodCampaigns } from './fivegood.table.ts';
import { fivegoodRectifications } from './rating.table.ts';

/** Reminders start this many days before a step's or a rectification item's deadline. */
export const FIVEGOOD_DUE_DAYS = 3;
export const RECTIFY_DUE_DAYS = 7;

const daysLeft = (deadline: string, today: string) => Math.round((Date.parse(deadline) - Date.parse(today)) / days(1));

type Waiting = { status: 'draft' | 'returned' | 'submitted' | 'forwarded'; roles: Role[]; step: string };
const WAITING: Waiting[] = [
  { status: 'draft', roles: ['branch_secretary'], step: '支部自评并提交' },
  { status: 'returned', roles: ['branch_secretary'], step: '按退回意见修改并重新提交' },
  { status: 'submitted', roles: ['enterprise_staff'], step: '企业党委考评' },
  { status: 'forwarded', roles: ['sasac_staff'], step: '国资委审定' },
];

/**
 * "五个好"督办: for every open campaign, the step each assessment waits on is reminded from FIVEGOOD_DUE_DAYS before
 * its deadline and flagged urgent once overdue — branches one by one, reviewers once per enterprise (or campaign)
 * with the count waiting; open 整改 items likewise. Dedupe keys name the deadline, so reruns add nothing.
 */
export async function remindFivegood(ctx: Ctx): Promise<string> {
  const today = cstDate(ctx.now);
  const rows = await ctx.db
    .select({
      a: { id: fivegoodAssessments.id, status: fivegoodAssessments.status, orgId: fivegoodAssessments.orgId },
      c: { id: fivegoodCampaigns.id, name: fivegoodCampaigns.name, orgId: fivegoodCampaigns.orgId, deadlines: fivegoodCampaigns.deadlines },
      orgName: orgs.name,
      enterpriseId: sql<
        string | null
      >`(select e.id from orgs e where e.is_enterprise and starts_with(${orgs.path}, e.path) order by e.depth desc limit 1)`,
    })
    .from(fivegoodAssessments)
    .innerJoin(fivegoodCampaigns, eq(fivegoodCampaigns.id, fivegoodAssessments.campaignId))
    .innerJoin(orgs, eq(orgs.id, fivegoodAssessments.orgId))
    .where(
      and(
        eq(fivegoodCampaigns.status, 'open'),
        inArray(
          fivegoodAssessments.status,
          WAITING.map((w) => w.status),
        ),
      ),
    );
  let sent = 0;
  const reviewers = new Map<
    string,
    { w: Waiting; orgId: string; campaignId: string; campaign: string; deadline: string; names: string[] }
  >();
  for (const r of rows) {
    const deadline = stepDeadline(r.a, r.c);
    const w = WAITING.find((x) => x.status === r.a.status);
    if (!deadline || !w || daysLeft(deadline, today) > FIVEGOOD_DUE_DAYS) continue;
    if (w.roles[0] === 'branch_secretary') {
      sent += await stepNotice(ctx, {
        w,
        orgId: r.a.orgId,
        campaignId: r.c.id,
        campaign: r.c.name,
        deadline,
        today,
        subject: r.orgName,
        link: `/fivegood/assessments/${r.a.id}`,
      });
      continue;
    }
    const orgId = w.status === 'submitted' ? (r.enterpriseId ?? r.c.orgId) : r.c.orgId;
    const key = `${r.c.id}:${w.status}:${orgId}`;
    const g = reviewers.get(key) ?? { w, orgId, campaignId: r.c.id, campaign: r.c.name, deadline, names: [] };
    g.names.push(r.orgName);
    reviewers.set(key, g);
  }
  for (const g of reviewers.values()) {
    const subject = `${g.names.length} 个支部（${g.names.slice(0, 3).join('、')}${g.names.length > 3 ? '等' : ''}）`;
    sent += await stepNotice(ctx, { ...g, today, subject, link: '/fivegood/assessments' });
  }
  const items = await ctx.db
    .select({ r: fivegoodRectifications, orgName: orgs.name })
    .from(fivegoodRectifications)
    .innerJoin(orgs, eq(orgs.id, fivegoodRectifications.orgId))
    .where(and(eq(fivegoodRectifications.status, 'open'), eq(orgs.status, 'active')));
  for (const { r, orgName } of items) {
    const left = daysLeft(r.deadline, today);
    if (left > RECTIFY_DUE_DAYS) continue;
    const overdue = left < 0;
    sent += await notify(ctx, {
      orgId: r.orgId,
      roles: ['branch_secretary', 'enterprise_staff'],
      kind: overdue ? 'fivegood_rectify_overdue' : 'fivegood_rectify_due',
      level: overdue ? 'urgent' : 'warning',
      title: overdue ? `${orgName}整改事项已逾期：${r.item}` : `${orgName}整改事项将于 ${r.deadline} 到期：${r.item}`,
      body: `责任人：${r.owner}。整改完成后请在整改台账中销号并写明完成情况。`,
      link: '/fivegood/dynamic',
      dedupeKey: `fivegood-rectify:${r.id}:${r.deadline}:${overdue ? 'overdue' : 'due'}`,
    });
  }
  return `${rows.length} 份待办测评、${items.length} 项未销号整改，发出 ${sent} 条提醒`;
}

async function stepNotice(
  ctx: Ctx,
  n: { w: Waiting; orgId: string; campaignId: string; campaign: string; deadline: string; today: string; subject: string; link: string },
) {
  const overdue = daysLeft(n.deadline, n.today) < 0;
  return notify(ctx, {
    orgId: n.orgId,
    roles: n.w.roles,
    kind: overdue ? 'fivegood_step_overdue' : 'fivegood_step_due',
    level: overdue ? 'urgent' : 'warning',
    title: overdue ? `${n.subject}"${n.w.step}"已超过截止日期 ${n.deadline}` : `${n.subject}"${n.w.step}"将于 ${n.deadline} 截止`,
    body: `${n.campaign}：请在截止日期前完成"${n.w.step}"；逾期情况在进度看板中标红督办。`,
    link: n.link,
    dedupeKey: `fivegood-step:${n.orgId}:${n.campaignId}:${n.w.status}:${n.deadline}:${overdue ? 'overdue' : 'due'}`,
  });
}

export const fivegoodReminderJob: Job = { name: 'fivegood-step-reminders', run: remindFivegood };
