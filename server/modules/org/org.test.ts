import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('org tree', () => {
  it('SASAC staff builds a tree, sees it flat with paths, and enterprise staff see only their subtree', async () => {
    const sasac = await loginAs(t, 'sasac_staff', t.rootId);
    const ent = await sasac.post('/api/orgs', { parentId: t.rootId, name: '州交投集团党委', type: 'committee', isEnterprise: true });
    expect(ent.statusCode).toBe(201);
    const entId = ent.json().id;
    const br = await sasac.post('/api/orgs', { parentId: entId, name: '阜康匝道收费站党支部', type: 'branch' });
    expect(br.statusCode).toBe(201);
    expect(br.json().path).toBe(`${ent.json().path}${br.json().id}/`);
    const other = await sasac.post('/api/orgs', { parentId: t.rootId, name: '州园林宾馆党委', type: 'committee' });

    const entStaff = await loginAs(t, 'enterprise_staff', entId);
    const list = (await entStaff.get('/api/orgs')).json() as { id: string }[];
    expect(list.map((o) => o.id).sort()).toEqual([entId, br.json().id].sort());
    expect((await entStaff.get(`/api/orgs/${other.json().id}`)).statusCode).toBe(404);
    expect((await entStaff.get(`/api/orgs/${crypto.randomUUID()}`)).json()).toEqual(
      (await entStaff.get(`/api/orgs/${other.json().id}`)).json(),
    );
  });

  it('refuses a branch under a group and a duplicate sibling name, in Chinese', async () => {
    const sasac = await loginAs(t, 'sasac_staff', t.rootId);
    const branch = await buildOrg(t, { type: 'branch' });
    const group = await sasac.post('/api/orgs', { parentId: branch.id, name: '第一党小组', type: 'group' });
    expect(group.statusCode).toBe(201);
    const bad = await sasac.post('/api/orgs', { parentId: group.json().id, name: '非法支部', type: 'branch' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('党小组下不能设立党支部');
    const dup = await sasac.post('/api/orgs', { parentId: branch.id, name: '第一党小组', type: 'group' });
    expect(dup.statusCode).toBe(409);
  });

  it('moves a subtree within scope and rewrites every path; never into its own subtree', async () => {
    const sasac = await loginAs(t, 'sasac_staff', t.rootId);
    const a = await buildOrg(t, { type: 'committee' });
    const b = await buildOrg(t, { type: 'committee' });
    const br = await buildOrg(t, { parentId: a.id, type: 'branch' });
    const grp = await buildOrg(t, { parentId: br.id, type: 'group' });
    const moved = await sasac.patch(`/api/orgs/${br.id}`, { parentId: b.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path).toBe(`${b.path}${br.id}/`);
    expect((await sasac.get(`/api/orgs/${grp.id}`)).json().path).toBe(`${b.path}${br.id}/${grp.id}/`);
    const loop = await sasac.patch(`/api/orgs/${b.id}`, { parentId: br.id });
    expect(loop.statusCode).toBe(400);
  });

  it('dissolves an empty org softly and refuses one with children', async () => {
    const sasac = await loginAs(t, 'sasac_staff', t.rootId);
    const a = await buildOrg(t, { type: 'committee' });
    await buildOrg(t, { parentId: a.id, type: 'branch' });
    expect((await sasac.delete(`/api/orgs/${a.id}?reason=${encodeURIComponent('机构调整')}`)).statusCode).toBe(409);
    const empty = await buildOrg(t, { type: 'branch' });
    expect((await sasac.delete(`/api/orgs/${empty.id}?reason=${encodeURIComponent('机构调整')}`)).statusCode).toBe(204);
    const withDissolved = (await sasac.get('/api/orgs?includeDissolved=1')).json() as { id: string; status: string }[];
    expect(withDissolved.find((o) => o.id === empty.id)?.status).toBe('dissolved');
    expect(((await sasac.get('/api/orgs')).json() as { id: string }[]).some((o) => o.id === empty.id)).toBe(false);
  });
});
