import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, TestApp } from '../../test/build-test-app.ts';
import { buildTestApp } from '../../test/build-test-app.ts';
import { loginAs } from '../../test/factories.ts';

let t: TestApp;
let sasac: Agent;

beforeAll(async () => {
  t = await buildTestApp();
  sasac = await loginAs(t, 'sasac_staff', t.rootId);
});
afterAll(() => t.close());

/** The exported rubric workbook of the current version (a valid import). */
async function exported(): Promise<Buffer> {
  const [r] = (await sasac.get('/api/fivegood/rubrics')).json();
  return (await sasac.get(`/api/fivegood/rubrics/${r.id}/export?format=xlsx`)).rawPayload;
}

const importXlsx = (data: Buffer) =>
  sasac.post('/api/fivegood/rubrics/import', { format: 'xlsx', data: data.toString('base64'), note: 'Excel 导入' });

describe('rubric import goes through the one upload check', () => {
  it('refuses a zip bomb inside a valid workbook with a Chinese error and saves no version', async () => {
    const entries = unzipSync(await exported());
    const bomb = Buffer.from(zipSync({ ...entries, 'xl/media/bomb.xml': new Uint8Array(4 * 1024 * 1024) }));
    const before = (await sasac.get('/api/fivegood/rubrics')).json().length;
    const res = await importXlsx(bomb);
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.json().message).toContain('压缩比异常');
    expect((await sasac.get('/api/fivegood/rubrics')).json()).toHaveLength(before);
  });

  it('refuses a file that is not a workbook by its content', async () => {
    const res = await importXlsx(Buffer.from('%PDF-1.4 not a workbook at all'));
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toContain('文件内容与扩展名 .xlsx 不符');
  });

  it('still imports the exported workbook', async () => {
    const res = await importXlsx(await exported());
    expect(res.statusCode, res.body).toBe(201);
  });
});
