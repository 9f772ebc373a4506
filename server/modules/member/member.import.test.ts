import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemberCreateSchema } from '../../../common/member.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { row, upload, workbook } from './member.xlsx-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t?.close());

/** What the member schema itself says about `value` in `field`. */
const schemaSays = (field: keyof typeof MemberCreateSchema.shape, value: unknown) => {
  const r = MemberCreateSchema.shape[field].safeParse(value);
  if (r.success) throw new Error(`the member schema accepts ${field} = ${String(value)}`);
  return r.error.issues[0].message;
};

describe('member import validates each row with the member schema', () => {
  it('names the row and column of every value the schema rejects, with the schema’s message, and writes nothing', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const branch = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const rows = [
      row(branch.name, 1),
      row(branch.name, 2, { education: '本科', phone: '12345' }),
      row(branch.name, 3, { name: '张3', position: '支'.repeat(31) }),
      row(branch.name, 4, { ethnicity: '火星族' }),
    ];
    const res = await upload(staff, await workbook(rows));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('IMPORT_INVALID');
    expect(res.json().message).toContain('未导入任何数据');
    expect(res.json().errors).toEqual([
      { row: 3, column: '手机号码', message: schemaSays('phone', '12345') },
      { row: 3, column: '学历', message: schemaSays('education', '本科') },
      { row: 4, column: '姓名', message: schemaSays('name', '张3') },
      { row: 4, column: '党内职务', message: schemaSays('position', '支'.repeat(31)) },
      { row: 5, column: '民族', message: schemaSays('ethnicity', '火星族') },
    ]);
    // all or nothing: the valid first row is not written either
    expect((await staff.get(`/api/members?orgId=${branch.id}`)).json().total).toBe(0);
    // fixed, the same file imports
    const fixed = await upload(staff, await workbook([row(branch.name, 1), row(branch.name, 2), row(branch.name, 3), row(branch.name, 4)]));
    expect(fixed.json()).toEqual({ imported: 4, created: 4, updated: 0 });
  });
});
