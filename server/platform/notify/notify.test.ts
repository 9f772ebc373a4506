import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, buildUser } from '../../test/factories.ts';
import { notify } from './notify.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('站内提醒', () => {
  it('reaches the holders of a role at the org or above it, not below, not other roles, not disabled accounts', async () => {
    const ent = await buildOrg(t, { type: 'committee' });
    const branch = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const sibling = await buildOrg(t, { parentId: ent.id, type: 'branch' });
    const above = await buildUser(t, { roles: [{ role: 'enterprise_staff', orgId: ent.id }] });
    const secretary = await buildUser(t, { roles: [{ role: 'branch_secretary', orgId: branch.id }] });
    const otherSecretary = await buildUser(t, { roles: [{ role: 'branch_secretary', orgId: sibling.id }] });
    const disabled = await buildUser(t, { roles: [{ role: 'branch_secretary', orgId: branch.id }], disabled: true });
    const auditor = await buildUser(t, { roles: [{ role: 'audit_admin', orgId: t.rootId }] });

    const sent = await notify(t.sys(), {
      orgId: branch.id,
      roles: ['branch_secretary', 'enterprise_staff'],
      kind: 'meeting.due',
      level: 'warning',
      title: '本月支部党员大会尚未召开',
      link: '/meetings',
      dedupeKey: 'meeting.due:2026-03',
    });
    expect(sent).toBe(2);

    for (const [u, n] of [
      [above, 1],
      [secretary, 1],
      [otherSecretary, 0],
      [auditor, 0],
    ] as const) {
      const a = await login(t, u.username, TEST_PASSWORD);
      const res = await a.get('/api/notifications');
      expect(res.statusCode).toBe(200);
      expect(res.json().unread).toBe(n);
      if (n)
        expect(res.json().items[0]).toMatchObject({ title: '本月支部党员大会尚未召开', level: 'warning', link: '/meetings', readAt: null });
    }
    expect(disabled.disabled).toBe(true);
  });

  it('stores a reminder once per dedupe key however often the daily job runs', async () => {
    const u = await buildUser(t);
    const input = { userIds: [u.id], kind: 'study.due', title: '学习时长不足', dedupeKey: 'study:2026-03-01' };
    expect(await notify(t.sys(), input)).toBe(1);
    expect(await notify(t.sys(), input)).toBe(0);
    expect(await notify(t.sys(), { ...input, dedupeKey: 'study:2026-03-02' })).toBe(1);
    const a = await login(t, u.username, TEST_PASSWORD);
    expect((await a.get('/api/notifications')).json()).toMatchObject({ total: 2, unread: 2 });
  });

  it('marks only the caller’s own notifications read; someone else’s answers 404', async () => {
    const me = await buildUser(t);
    const other = await buildUser(t);
    await notify(t.sys(), { userIds: [me.id], kind: 'x', title: '提醒一' });
    t.clock.advance(1000);
    await notify(t.sys(), { userIds: [me.id], kind: 'x', title: '提醒二' });
    await notify(t.sys(), { userIds: [other.id], kind: 'x', title: '别人的提醒' });
    const a = await login(t, me.username, TEST_PASSWORD);
    const b = await login(t, other.username, TEST_PASSWORD);
    const mine = (await a.get('/api/notifications')).json();
    expect(mine.items.map((n: { title: string }) => n.title)).toEqual(['提醒二', '提醒一']);
    const theirs = (await b.get('/api/notifications')).json().items[0].id;

    expect((await a.post(`/api/notifications/${theirs}/read`)).statusCode).toBe(404);
    expect((await b.get('/api/notifications')).json().unread).toBe(1);

    expect((await a.post(`/api/notifications/${mine.items[0].id}/read`)).statusCode).toBe(204);
    const after = (await a.get('/api/notifications')).json();
    expect(after.unread).toBe(1);
    expect(after.items[0].readAt).not.toBeNull();
    expect((await a.get('/api/notifications?unreadOnly=1')).json().items.map((n: { title: string }) => n.title)).toEqual(['提醒一']);

    expect((await a.post('/api/notifications/read-all')).statusCode).toBe(204);
    expect((await a.get('/api/notifications')).json()).toMatchObject({ total: 2, unread: 0 });
    expect((await b.get('/api/notifications')).json().unread).toBe(1);
  });

  it('accepts only in-app links', async () => {
    const u = await buildUser(t);
    for (const link of ['https://evil.example/', '//evil.example', 'javascript:alert(1)', '/\\evil.example'])
      await expect(notify(t.sys(), { userIds: [u.id], kind: 'x', title: '链接', link })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await notify(t.sys(), { userIds: [u.id], kind: 'x', title: '链接', link: '/meetings/1' })).toBe(1);
  });

  it('needs a login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/notifications' });
    expect(res.statusCode).toBe(401);
  });
});
