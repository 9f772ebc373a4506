import { eq, inArray } from 'drizzle-orm';
import { notify } from '../../platform/notify/notify.service.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import type { Demo, DemoMember } from '../../platform/seed.ts';
import { addDays } from '../committee/term.rules.ts';
import { members } from '../member/member.table.ts';
import { transfers } from './transfer.table.ts';

const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const REASONS = ['工作调动', '岗位交流', '收费站人员调整', '项目部撤并后调整', '轮岗交流'];
const OUTSIDE = ['中共乌鲁木齐市某国有企业委员会', '中共伊犁州某公路管理局委员会', '中共哈密市某能源公司委员会'];

/**
 * A year of 组织关系转接 in the demo: members moved between branches (confirmed by the receiving side), one request
 * awaiting confirmation, letters to orgs outside (one receipted, one still open) and one member who came in from
 * outside. Only rank-and-file members move, and only from branches that keep ≥5 full members.
 */
export async function seedTransfers(demo: Demo): Promise<void> {
  const { ctx, rng, today } = demo;
  const validity = (await rules(ctx)).transfer.letter_validity_days_default;
  // the 交投 subtree keeps the exact roster the demo tour describes; the other enterprises show the transfers
  const tour = demo.orgs.find((o) => o.name === '新疆交投集团昌吉分公司党委');
  const branches = demo.orgs.filter((o) => o.type === 'branch' && !(tour && o.path.startsWith(tour.path)));
  const inScope = new Set(branches.map((b) => b.id));
  const fullIn = (branchId: string) => demo.members.filter((m) => m.branchId === branchId && m.category === 'full').length;
  const sizeOf = (branchId: string) => demo.members.filter((m) => m.branchId === branchId).length;
  const movable = () =>
    demo.members.filter(
      (m) => inScope.has(m.branchId) && m.category === 'full' && m.position === '党员' && fullIn(m.branchId) >= 5 && !moved.has(m.id),
    );
  const moved = new Set<string>();
  const rows: (typeof transfers.$inferInsert)[] = [];
  const pickPair = (): [DemoMember, string] | null => {
    const pool = movable();
    if (!pool.length) return null;
    const m = rng.pick(pool);
    // a target at 6 full members would need a 支部委员会 on arrival
    const targets = branches.filter((b) => b.id !== m.branchId && sizeOf(b.id) < 45 && fullIn(b.id) !== 6);
    return targets.length ? [m, rng.pick(targets).id] : null;
  };
  const base = (m: DemoMember, created: string, reason: string) => ({
    memberId: m.id,
    memberName: m.name,
    reason,
    createdAt: at(created),
    updatedAt: at(created),
  });

  for (const daysAgo of [320, 260, 200, 150, 95, 45]) {
    const pair = pickPair();
    if (!pair) break;
    const [m, to] = pair;
    const created = addDays(today, -daysAgo);
    rows.push({
      ...base(m, created, rng.pick(REASONS)),
      kind: 'internal',
      fromOrgId: m.orgId,
      toOrgId: to,
      status: 'confirmed',
      decidedAt: at(addDays(created, rng.int(1, 6))),
    });
    await ctx.db.update(members).set({ orgId: to }).where(eq(members.id, m.id));
    Object.assign(m, { orgId: to, branchId: to });
    moved.add(m.id);
  }

  const pending = pickPair();
  if (pending) {
    const [m, to] = pending;
    rows.push({ ...base(m, addDays(today, -3), '工作调动'), kind: 'internal', fromOrgId: m.orgId, toOrgId: to, status: 'pending' });
    moved.add(m.id);
    const toName = branches.find((b) => b.id === to)?.name ?? '';
    await notify(ctx, {
      orgId: to,
      roles: ['branch_secretary', 'enterprise_staff'],
      kind: 'transfer_incoming',
      level: 'warning',
      title: `${m.name}的组织关系转入${toName}，待确认`,
      link: '/transfers',
      dedupeKey: `demo-transfer:${m.id}:incoming`,
    });
  }

  // the middle letter has passed its validity without a receipt: the platform flags it
  const letters: { daysAgo: number; receiptAfter: number | null }[] = [
    { daysAgo: 210, receiptAfter: 12 },
    { daysAgo: 100, receiptAfter: null },
    { daysAgo: 20, receiptAfter: null },
  ];
  const seqByYear = new Map<string, number>();
  // members who left stay in demo.members (their rows remain, as 已转出)
  const gone: string[] = [];
  for (const l of letters) {
    const m = rng.pick(movable());
    if (!m) break;
    const issuedOn = addDays(today, -l.daysAgo);
    const year = issuedOn.slice(0, 4);
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    rows.push({
      ...base(m, issuedOn, '调往外地工作'),
      kind: 'out',
      fromOrgId: m.orgId,
      externalOrgName: rng.pick(OUTSIDE),
      status: l.receiptAfter !== null ? 'receipt_received' : addDays(issuedOn, validity) < today ? 'expired' : 'letter_issued',
      duesPaidUntil: addDays(issuedOn, -20).slice(0, 7),
      letterNo: `${year}-${String(seq).padStart(4, '0')}`,
      issuedOn,
      validUntil: addDays(issuedOn, validity),
      receiptOn: l.receiptAfter === null ? null : addDays(issuedOn, l.receiptAfter),
    });
    moved.add(m.id);
    if (l.receiptAfter === null) await ctx.db.update(members).set({ status: 'transferring' }).where(eq(members.id, m.id));
    else gone.push(m.id);
  }
  if (gone.length) await ctx.db.update(members).set({ status: 'transferred_out' }).where(inArray(members.id, gone));

  const arrived = rng.pick(movable());
  if (arrived) {
    const created = addDays(today, -130);
    rows.push({
      ...base(arrived, created, '工作调动调入'),
      kind: 'in',
      toOrgId: arrived.orgId,
      externalOrgName: rng.pick(OUTSIDE),
      status: 'confirmed',
      duesPaidUntil: addDays(created, -15).slice(0, 7),
      decidedAt: at(created),
    });
  }
  if (rows.length) await ctx.db.insert(transfers).values(rows);
}
