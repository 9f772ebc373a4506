import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { buildMember, memberInput } from './member.factory.ts';
import { row, upload, workbook } from './member.xlsx-kit.ts';

// domain.md §3.1: probation is one year from the members' meeting's admission (入党日期); a conversion (转正)
// dated earlier is refused on every path that writes it.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function enterprise() {
  const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
  const branch = await buildOrg(t, { parentId: ent.id, type: 'branch' });
  const staff = await loginAs(t, 'enterprise_staff', ent.id);
  return { branch, staff };
}

describe('转正 not before the one-year probation ends (domain §3.1)', () => {
  it('registering a full member converted two months after admission is refused', async () => {
    const { branch, staff } = await enterprise();
    const early = await staff.post('/api/members', memberInput(branch.id, { joinedOn: '2024-03-01', fullMemberOn: '2024-05-01' }));
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('预备期');
    expect(early.json().message).toContain('2025-03-01');
    const onTime = await staff.post('/api/members', memberInput(branch.id, { joinedOn: '2024-03-01', fullMemberOn: '2025-03-01' }));
    expect(onTime.statusCode, onTime.body).toBe(201);
  });

  it('converting a probationary member by an edit two months after admission is refused', async () => {
    const { branch, staff } = await enterprise();
    const m = await buildMember(t, branch.id, { category: 'probationary', joinedOn: '2024-09-01', fullMemberOn: null });
    const early = await staff.patch(`/api/members/${m.id}`, { category: 'full', fullMemberOn: '2024-11-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('预备期');
    const later = await staff.patch(`/api/members/${m.id}`, { category: 'full', fullMemberOn: '2025-09-01' });
    expect(later.statusCode, later.body).toBe(200);
  });

  it('an imported row converted before its probation ended is reported by row and column', async () => {
    const { branch, staff } = await enterprise();
    const res = await upload(staff, await workbook([row(branch.name, 1, { joinedOn: '2024-03-01', fullMemberOn: '2024-05-01' })]));
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { row: number; column: string; message: string }[];
    expect(errors.find((e) => e.row === 2 && e.column === '转为正式党员日期')?.message).toContain('预备期');
  });
});
