import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { buildOrg, loginAs } from '../../test/factories.ts';
import { craftedDocx, docxFile, EXE, HTML, multipartBody, PDF, PNG, SVG, xlsxFile } from './files.fixtures.ts';

let t: TestApp;
let staff: Agent;
let orgId: string;

/** Every regular file under the storage dir (temp files included). */
function storedFiles(dir = t.env.filesDir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? storedFiles(p) : [p];
  });
}

const upload = (a: Agent, filename: string, data: Buffer, fields: Record<string, string> = {}) =>
  a.inject({
    method: 'POST',
    url: '/api/files',
    ...multipartBody([...Object.entries({ orgId, ...fields }).map(([name, value]) => ({ name, value })), { name: 'file', filename, data }]),
  });

beforeAll(async () => {
  t = await buildTestApp();
  orgId = (await buildOrg(t, { type: 'committee' })).id;
  staff = await loginAs(t, 'enterprise_staff', orgId);
});
afterAll(() => t.close());

describe('file upload', () => {
  it('accepts the allowlisted types, keeps the SHA-256 and stores under a server-generated name', async () => {
    for (const [name, data, ext, mime] of [
      ['照片.png', PNG, 'png', 'image/png'],
      ['会议纪要.PDF', PDF, 'pdf', 'application/pdf'],
      ['记录.docx', await docxFile(), 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['名册.xlsx', await xlsxFile(), 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const res = await upload(staff, name, data, { label: 'sensitive', ownerType: 'meeting', ownerId: 'm-1' });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      const sha = (await import('node:crypto')).createHash('sha256').update(data).digest('hex');
      expect(res.json()).toMatchObject({ originalName: name, ext, mime, size: data.length, sha256: sha, label: 'sensitive' });
    }
    const names = storedFiles().map((p) => path.relative(t.env.filesDir, p));
    expect(names).toHaveLength(4);
    for (const n of names) expect(n).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect((await staff.get(`/api/files?orgId=${orgId}&ownerType=meeting&ownerId=m-1`)).json()).toHaveLength(4);
  });

  it('refuses a file one byte over 20 MB with 413 and keeps nothing', async () => {
    const before = storedFiles().length;
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    const res = await upload(staff, '超大.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.json().message).toContain('20 MB');
    expect(storedFiles().length).toBe(before);
    const exact = await upload(staff, '刚好.pdf', big.subarray(0, 20 * 1024 * 1024));
    expect(exact.statusCode).toBe(201);
  });

  it('refuses content that does not match its extension or is not allowlisted, with 415 in Chinese', async () => {
    const before = storedFiles().length;
    for (const [name, data] of [
      ['通知.pdf', HTML],
      ['截图.pdf', PNG],
      ['程序.exe', EXE],
      ['程序.pdf', EXE],
      ['图标.svg', SVG],
      ['空白.pdf', Buffer.alloc(0)],
      ['表格.xlsx', await docxFile()],
      ['无扩展名', PDF],
    ] as const) {
      const res = await upload(staff, name, data);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(storedFiles().length).toBe(before);
  });

  it('inspects Office zips: path tricks, too many entries, nested archives → 415', async () => {
    const dot = new Uint8Array([1]);
    const cases: [Buffer, string][] = [
      [craftedDocx({ '../../etc/cron.d/x': dot }), '非法路径'],
      [craftedDocx({ '/abs/path.xml': dot }), '非法路径'],
      [craftedDocx(Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`word/media/${i}.xml`, dot]))), '条目'],
      [craftedDocx({ 'word/embeddings/inner.zip': zipSync({ a: dot }) }), '压缩包'],
      [craftedDocx({ 'word/embeddings/oleObject1.bin': [zipSync({ a: dot }), { level: 0 }] }), '压缩包'],
      [craftedDocx({ 'word/embeddings/oleObject2.bin': zipSync({ a: new Uint8Array(5000).fill(7) }) }), '压缩包'],
      [craftedDocx({ 'word/media/link': [dot, { os: 3, attrs: 0o120777 << 16 }] }), '符号链接'],
      [craftedDocx({ 'word/media/bomb.xml': new Uint8Array(4 * 1024 * 1024) }), '压缩比'],
    ];
    for (const [data, why] of cases) {
      const res = await upload(staff, '可疑.docx', data);
      expect(res.statusCode, why).toBe(415);
      expect(res.json().message).toContain(why);
    }
    expect((await upload(staff, '正常.docx', craftedDocx({ 'word/styles.xml': dot }))).statusCode).toBe(201);
  });

  it('keeps the original name only as clean metadata', async () => {
    for (const [raw, clean] of [
      ['../../etc/passwd.png', 'passwd.png'],
      ['..\\..\\windows\\x.png', 'x.png'],
      ['名\u0000单\u202egnp.png', '名单gnp.png'],
      [`${'长'.repeat(300)}.png`, `${'长'.repeat(196)}.png`],
    ]) {
      const res = await upload(staff, raw, PNG);
      expect(res.statusCode, raw).toBe(201);
      expect(res.json().originalName).toBe(clean);
    }
    for (const n of storedFiles()) expect(path.relative(t.env.filesDir, n)).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
  });

  it('refuses an org outside the uploader’s scope like a missing one, and a second file in one request', async () => {
    const other = await buildOrg(t, { type: 'committee' });
    const before = storedFiles().length;
    const out = await upload(staff, 'a.png', PNG, { orgId: other.id });
    expect(out.statusCode).toBe(404);
    const missing = await upload(staff, 'a.png', PNG, { orgId: crypto.randomUUID() });
    expect(missing.json()).toEqual(out.json());
    const two = await staff.inject({
      method: 'POST',
      url: '/api/files',
      ...multipartBody([
        { name: 'orgId', value: orgId },
        { name: 'file', filename: 'a.png', data: PNG },
        { name: 'file', filename: 'b.png', data: PNG },
      ]),
    });
    expect(two.statusCode).toBe(413);
    const noOrg = await staff.inject({
      method: 'POST',
      url: '/api/files',
      ...multipartBody([{ name: 'file', filename: 'a.png', data: PNG }]),
    });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json().message).toContain('组织');
    expect(storedFiles().length).toBe(before);
  });
});
