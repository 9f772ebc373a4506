import type { TestApp } from '../../test/build-test-app.ts';
import { buildOrg } from '../../test/factories.ts';
import { branchIn, buildMember } from '../member/member.factory.ts';
import { transfers } from './transfer.table.ts';

let n = 0;

/** A pending 系统内转接 between two fresh branches inside `orgId`, written directly; returns its id. */
export async function pendingTransferIn(t: TestApp, orgId: string): Promise<string> {
  const from = await buildOrg(t, { parentId: orgId, type: 'branch' });
  const to = await buildOrg(t, { parentId: orgId, type: 'branch' });
  const m = await buildMember(t, from.id);
  const now = t.clock();
  const [row] = await t.db
    .insert(transfers)
    .values({
      kind: 'internal',
      memberId: m.id,
      memberName: m.name,
      fromOrgId: from.id,
      toOrgId: to.id,
      status: 'pending',
      reason: '工作调动',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row.id;
}

/** An issued 组织关系介绍信 (out of the platform) for a member of a branch inside `orgId`; returns the transfer id. */
export async function letterIn(t: TestApp, orgId: string): Promise<string> {
  const m = await buildMember(t, await branchIn(t, orgId));
  const now = t.clock();
  const [row] = await t.db
    .insert(transfers)
    .values({
      kind: 'out',
      memberId: m.id,
      memberName: m.name,
      fromOrgId: m.orgId,
      externalOrgName: '中共测试市某公司委员会',
      status: 'letter_issued',
      reason: '调往外地',
      duesPaidUntil: '2026-01',
      letterNo: `F-${++n}-${crypto.randomUUID().slice(0, 8)}`,
      issuedOn: '2026-01-15',
      validUntil: '2026-04-15',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row.id;
}
