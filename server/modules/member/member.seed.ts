import { eq } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.service.ts';
import { users } from '../../platform/auth/user.table.ts';
import { days } from '../../platform/clock.ts';
import { encryptPii, maskPhone } from '../../platform/pii/pii.ts';
import type { Demo } from '../../platform/seed.ts';
import { memberChangeRequests, members } from './member.table.ts';

const at = (demo: Demo, daysAgo: number) => new Date(demo.ctx.now.getTime() - days(daysAgo));

/**
 * A year of roster activity: the prefecture roster imported from the national system's Excel a year ago, a masked
 * export each quarter, position changes recorded as edits (so profiles show a history), and the demo member's
 * corrections: one approved in spring, one (a new mobile number) waiting for the 阜康 branch secretary.
 */
export async function seedMemberActivity(demo: Demo): Promise<void> {
  const { ctx, rng } = demo;
  const sys = (daysAgo: number) => ({ ...ctx, now: at(demo, daysAgo) });
  await audit(sys(360), {
    action: 'member.import',
    objectType: 'member',
    orgId: demo.rootId,
    orgPath: demo.orgs[0].path,
    detail: {
      imported: demo.members.length,
      created: demo.members.length,
      updated: 0,
      fileName: '全州党员信息（全国党员管理信息系统导出）.xlsx',
    },
  });
  for (const daysAgo of [270, 180, 90, 10]) {
    await audit(sys(daysAgo), {
      action: 'export',
      objectType: 'member',
      orgId: demo.rootId,
      orgPath: demo.orgs[0].path,
      detail: { fileName: '党员名册.xlsx', rows: demo.members.length, unmask: false, filter: {} },
    });
  }
  const officers = demo.members.filter((m) => m.position !== '党员');
  for (let i = 0; i < Math.min(12, officers.length); i++) {
    const m = officers[rng.int(0, officers.length - 1)];
    const branch = demo.orgs.find((o) => o.id === m.orgId);
    await audit(sys(rng.int(20, 330)), {
      action: 'member.update',
      objectType: 'member',
      objectId: m.id,
      orgId: m.orgId,
      orgPath: branch?.path ?? null,
      detail: { changes: { position: { from: '党员', to: m.position } } },
    });
  }

  const [account] = await ctx.db.select({ id: users.id, memberId: users.memberId }).from(users).where(eq(users.username, 'dangyuan'));
  const self = account?.memberId ? demo.members.find((m) => m.id === account.memberId) : undefined;
  if (!self || !account) return;
  const org = demo.orgs.find((o) => o.id === self.orgId);
  await ctx.db.update(members).set({ education: '大学本科' }).where(eq(members.id, self.id));
  await ctx.db.insert(memberChangeRequests).values({
    memberId: self.id,
    changes: { education: '大学本科' },
    reason: '已取得成人高等教育本科学历',
    status: 'approved',
    submittedBy: account.id,
    decidedAt: at(demo, 118),
    decisionNote: '已核对毕业证书',
    createdAt: at(demo, 120),
  });
  await audit(sys(118), {
    action: 'member.correction',
    objectType: 'member',
    objectId: self.id,
    orgId: self.orgId,
    orgPath: org?.path ?? null,
    detail: { changes: { education: { from: '大学专科', to: '大学本科' } }, note: '已核对毕业证书' },
  });
  // a fictional number from the 139 0000 test range
  const phone = `1390000${String(rng.int(1000, 9999))}`;
  await ctx.db.insert(memberChangeRequests).values({
    memberId: self.id,
    changes: {},
    phoneEnc: encryptPii(ctx.env.keys, phone),
    phoneMasked: maskPhone(phone),
    reason: '手机号码已更换',
    submittedBy: account.id,
    createdAt: at(demo, 2),
  });
}
