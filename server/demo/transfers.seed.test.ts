import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../modules/member/member.table.ts';
import { transfers } from '../modules/transfer/transfer.table.ts';
import { buildTestApp, type TestApp } from '../test/build-test-app.ts';
import { loginAs } from '../test/factories.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.db, t.env, t.rootId);
});
afterAll(() => t.close());

describe('demo: a year of 组织关系转接', () => {
  it('has confirmed moves, one request awaiting confirmation, letters (one expired without receipt) and one arrival', async () => {
    const rows = await t.db.select().from(transfers);
    const count = (kind: string, status: string) => rows.filter((r) => r.kind === kind && r.status === status).length;
    expect(count('internal', 'confirmed')).toBe(6);
    expect(count('internal', 'pending')).toBe(1);
    expect(count('out', 'receipt_received')).toBe(1);
    expect(count('out', 'expired')).toBe(1);
    expect(count('out', 'letter_issued')).toBe(1);
    expect(count('in', 'confirmed')).toBe(1);
    for (const r of rows.filter((x) => x.kind === 'internal' && x.status === 'confirmed')) {
      const [m] = await t.db.select().from(members).where(eq(members.id, r.memberId));
      expect(m.orgId).toBe(r.toOrgId);
    }
  });

  it('the receiving side sees the pending request with 确认 allowed; SASAC staff see the expired letter flagged', async () => {
    const [p] = await t.db.select().from(transfers).where(eq(transfers.status, 'pending'));
    const receiver = await loginAs(t, 'branch_secretary', p.toOrgId!);
    expect((await receiver.get('/api/transfers?direction=in&status=pending')).json()).toMatchObject([{ id: p.id, canConfirm: true }]);
    const sasac = await loginAs(t, 'sasac_staff', t.rootId);
    const open = (await sasac.get('/api/transfers?open=1')).json() as { kind: string; expired: boolean }[];
    expect(open.filter((x) => x.kind === 'out' && x.expired)).toHaveLength(1);
  });
});
