import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, PDF } from '../../platform/files/files.fixtures.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { topicIn } from '../meeting/meeting.factory.ts';
import { memberAgent } from './study.factory.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-06-15T10:00:00+08:00');
});
afterAll(() => t.close());

const sec = (n: number) => n * 1000;
const material = (orgId: string, o: Record<string, unknown> = {}) => ({
  orgId,
  title: '《中国共产党章程》学习辅导',
  theme: 'party_rules',
  bodyHtml:
    '<h2>总纲</h2><p onclick="steal()">中国共产党是<strong>中国工人阶级</strong>的先锋队</p><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src="x" onerror="alert(2)">',
  links: [{ title: '共产党员网', url: 'https://www.12371.cn/' }],
  maxCreditMinutes: 2,
  ...o,
});

describe('study materials', () => {
  it('publishes to the subtree with the body sanitised; members below see it, members elsewhere do not', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const br = await buildOrg(t, { parentId: ent.id });
    const elsewhere = await buildOrg(t);
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const inside = await memberAgent(t, br.id);
    const outside = await memberAgent(t, elsewhere.id);
    const res = await staff.post('/api/study/materials', material(ent.id));
    expect(res.statusCode).toBe(201);
    const html = res.json().bodyHtml as string;
    expect(html).toContain('<strong>中国工人阶级</strong>');
    expect(html).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(((await inside.get('/api/m/study/materials')).json() as { id: string }[]).map((m) => m.id)).toContain(res.json().id);
    expect((await outside.get('/api/m/study/materials')).json()).toEqual([]);
    expect((await outside.post(`/api/m/study/materials/${res.json().id}/read`)).statusCode).toBe(404);
    const notes = (await inside.get('/api/notifications?page=1&pageSize=20')).json();
    expect(JSON.stringify(notes)).toContain('新的学习资料');
  });

  it('lets a member reached by a material download its attachment on the phone, and nothing else', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const br = await buildOrg(t, { parentId: ent.id });
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const up = async () =>
      (
        await staff.inject({
          method: 'POST',
          url: '/api/files',
          ...multipartBody([
            { name: 'orgId', value: ent.id },
            { name: 'file', filename: '学习辅导.pdf', data: PDF },
          ]),
        })
      ).json().id as string;
    const attached = await up();
    const loose = await up();
    const m = (await staff.post('/api/study/materials', material(ent.id, { fileIds: [attached] }))).json();
    const inside = await memberAgent(t, br.id);
    const outside = await memberAgent(t, (await buildOrg(t)).id);
    const read = (await inside.post(`/api/m/study/materials/${m.id}/read`)).json();
    expect(read.material.files).toEqual([{ id: attached, name: '学习辅导.pdf', size: PDF.length }]);
    const got = await inside.get(`/api/m/study/materials/${m.id}/files/${attached}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect(got.headers['content-security-policy']).toContain('sandbox');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    // only files attached to that material, only for members it reaches; the general file route stays closed
    expect((await inside.get(`/api/m/study/materials/${m.id}/files/${loose}`)).statusCode).toBe(404);
    expect((await outside.get(`/api/m/study/materials/${m.id}/files/${attached}`)).statusCode).toBe(404);
    expect((await inside.get(`/api/files/${attached}`)).statusCode).toBe(403);
  });

  it('publishes a 第一议题 as material with one click, once', async () => {
    const ent = await buildOrg(t, { type: 'committee', isEnterprise: true });
    const staff = await loginAs(t, 'enterprise_staff', ent.id);
    const topicId = await topicIn(t, ent.id);
    const first = await staff.post('/api/study/materials/from-topic', { topicId });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ theme: 'xi_speeches', topicId, orgId: ent.id });
    expect((await staff.post('/api/study/materials/from-topic', { topicId })).statusCode).toBe(409);
  });
});

describe('online reading time integrity', () => {
  it('credits only visible, active time, at most one beat interval per beat, never more than wall time, up to the cap', async () => {
    const br = await buildOrg(t);
    const staff = await loginAs(t, 'branch_secretary', br.id);
    const id = (await staff.post('/api/study/materials', material(br.id))).json().id;
    const m = await memberAgent(t, br.id);
    const open = (await m.post(`/api/m/study/materials/${id}/read`)).json();
    expect(open.material.bodyHtml).toContain('总纲');
    const beat = (body: { visible: boolean; active: boolean }) => m.post(`/api/m/study/reading/${open.sessionId}/beat`, body);

    t.clock.advance(sec(15));
    expect((await beat({ visible: true, active: true })).json().credited).toBe(15);
    // immediately again: no wall time passed, nothing earned however often the client beats
    expect((await beat({ visible: true, active: true })).json().credited).toBe(0);
    // page left open in the background for ten minutes
    t.clock.advance(sec(600));
    expect((await beat({ visible: false, active: false })).json().credited).toBe(0);
    // a long gap while visible earns at most one interval (plus slack)
    t.clock.advance(sec(600));
    expect((await beat({ visible: true, active: true })).json().credited).toBe(20);
    // visible but nobody touching the phone
    t.clock.advance(sec(15));
    expect((await beat({ visible: true, active: false })).json().credited).toBe(0);
    let last = { materialSeconds: 0, capReached: false };
    for (let i = 0; i < 12; i++) {
      t.clock.advance(sec(15));
      last = (await beat({ visible: true, active: true })).json();
    }
    expect(last).toMatchObject({ materialSeconds: 120, capReached: true });

    const list = (await m.get('/api/m/study/materials')).json() as { id: string; readMinutes: number }[];
    expect(list.find((x) => x.id === id)?.readMinutes).toBe(2);
  });

  it('a second page of the same member stops the first from earning', async () => {
    const br = await buildOrg(t);
    const staff = await loginAs(t, 'branch_secretary', br.id);
    const id = (await staff.post('/api/study/materials', material(br.id, { maxCreditMinutes: 60 }))).json().id;
    const m = await memberAgent(t, br.id);
    const a = (await m.post(`/api/m/study/materials/${id}/read`)).json();
    const b = (await m.post(`/api/m/study/materials/${id}/read`)).json();
    t.clock.advance(sec(15));
    const stale = await m.post(`/api/m/study/reading/${a.sessionId}/beat`, { visible: true, active: true });
    expect(stale.statusCode).toBe(409);
    expect((await m.post(`/api/m/study/reading/${b.sessionId}/beat`, { visible: true, active: true })).json().credited).toBe(15);
    const other = await memberAgent(t, br.id);
    expect((await other.post(`/api/m/study/reading/${b.sessionId}/beat`, { visible: true, active: true })).statusCode).toBe(404);
  });

  it('reading time counts as 线上学习 hours once past the minimum duration', async () => {
    const br = await buildOrg(t);
    const staff = await loginAs(t, 'branch_secretary', br.id);
    const id = (await staff.post('/api/study/materials', material(br.id, { maxCreditMinutes: 60 }))).json().id;
    const m = await memberAgent(t, br.id);
    const s = (await m.post(`/api/m/study/materials/${id}/read`)).json();
    for (let i = 0; i < 16; i++) {
      t.clock.advance(sec(15));
      await m.post(`/api/m/study/reading/${s.sessionId}/beat`, { visible: true, active: true });
    }
    expect((await m.get('/api/m/study/hours?year=2026')).json().byForm.online).toBe(0);
    for (let i = 0; i < 8; i++) {
      t.clock.advance(sec(15));
      await m.post(`/api/m/study/reading/${s.sessionId}/beat`, { visible: true, active: true });
    }
    const h = (await m.get('/api/m/study/hours?year=2026')).json();
    expect(h.byForm.online).toBe(0.1);
  });
});
