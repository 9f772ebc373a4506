import { existsSync, writeFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { auditLog } from '../audit/audit.table.ts';
import { docxFile, multipartBody, PDF, PNG } from './files.fixtures.ts';
import { storagePath } from './files.storage.ts';
import { files } from './files.table.ts';

let t: TestApp;
let entA: string;
let branchA: string;
let staffA: Agent;

const upload = async (a: Agent, orgId: string, filename: string, data: Buffer) => {
  const res = await a.inject({
    method: 'POST',
    url: '/api/files',
    ...multipartBody([
      { name: 'orgId', value: orgId },
      { name: 'file', filename, data },
    ]),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};

beforeAll(async () => {
  t = await buildTestApp();
  entA = (await buildOrg(t, { type: 'committee' })).id;
  branchA = (await buildOrg(t, { parentId: entA, type: 'branch' })).id;
  staffA = await loginAs(t, 'enterprise_staff', entA);
});
afterAll(() => t.close());

describe('file download', () => {
  it('sends the bytes with a safe disposition, nosniff, a sandbox CSP and no caching', async () => {
    const pdf = await upload(staffA, entA, '党委会议纪要（2026）.pdf', PDF);
    const res = await staffA.get(`/api/files/${pdf.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="2026.pdf"; filename*=UTF-8''${encodeURIComponent('党委会议纪要（2026）.pdf')}`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(res.headers['cache-control']).toBe('private, no-store');

    const docx = await upload(staffA, entA, '记录.docx', await docxFile());
    expect((await staffA.get(`/api/files/${docx.id}`)).headers['content-disposition']).toMatch(/^attachment; /);
  });

  it('hides files outside the caller’s scope exactly like missing ones, in lists too', async () => {
    const f = await upload(staffA, branchA, '支部照片.png', PNG);
    const secretary = await loginAs(t, 'branch_secretary', branchA);
    expect((await secretary.get(`/api/files/${f.id}`)).statusCode).toBe(200);
    const entB = await buildOrg(t, { type: 'committee' });
    const staffB = await loginAs(t, 'enterprise_staff', entB.id);
    const hidden = await staffB.get(`/api/files/${f.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual((await staffB.get(`/api/files/${crypto.randomUUID()}`)).json());
    expect((await staffB.delete(`/api/files/${f.id}`)).statusCode).toBe(404);
    expect((await staffB.get('/api/files')).json()).toEqual([]);
    expect((await staffB.get(`/api/files?orgId=${entA}`)).statusCode).toBe(404);
    const listed = (await staffA.get('/api/files')).json() as { id: string }[];
    expect(listed.map((x) => x.id)).toContain(f.id);
    const member = await loginAs(t, 'member', branchA);
    expect((await member.get(`/api/files/${f.id}`)).statusCode).toBe(403);
  });

  it('detects a stored file changed on disk: 500 with a Chinese message and an audit event', async () => {
    const f = await upload(staffA, entA, '证明.png', PNG);
    const [row] = await t.db.select().from(files).where(eq(files.id, f.id));
    writeFileSync(storagePath(t.env.filesDir, row.storageName), Buffer.concat([PNG, Buffer.from('tampered')]));
    const res = await staffA.get(`/api/files/${f.id}`);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'FILE_INTEGRITY' });
    expect(res.json().message).toContain('完整性校验失败');
    const events = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'file.integrity'), eq(auditLog.objectId, f.id)));
    expect(events).toHaveLength(1);
    expect(events[0].result).toBe('failure');
  });

  it('deletes a file for good: row, bytes and an audit record', async () => {
    const f = await upload(staffA, entA, '作废.png', PNG);
    const [row] = await t.db.select().from(files).where(eq(files.id, f.id));
    const secretary = await loginAs(t, 'branch_secretary', branchA);
    expect((await secretary.delete(`/api/files/${f.id}`)).statusCode).toBe(404);
    expect((await staffA.delete(`/api/files/${f.id}`)).statusCode).toBe(204);
    expect((await staffA.get(`/api/files/${f.id}`)).statusCode).toBe(404);
    expect(existsSync(storagePath(t.env.filesDir, row.storageName))).toBe(false);
    const [e] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'file.delete'), eq(auditLog.objectId, f.id)));
    expect(e.orgId).toBe(entA);
  });
});
