import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docTitle, heading, kvTable, para, signatureBlock, table, toBuffer } from './docx.ts';

describe('docx helpers', () => {
  it('builds an A4 公文-styled document with title, headings, body and bordered tables', async () => {
    const buf = await toBuffer([
      docTitle('党组织基本情况表'),
      heading('一、基本情况'),
      para('阜康匝道收费站党支部成立于2018年。'),
      kvTable([
        ['组织名称', '阜康匝道收费站党支部'],
        ['党员数', 12],
        ['联系人', '王某'],
      ]),
      table(['序号', '名称'], [[1, '第一党小组']]),
      ...signatureBlock('州国资委党委', new Date('2026-03-01T20:00:00Z')),
    ]);
    const xml = strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']);
    expect(xml).toContain('党组织基本情况表');
    expect(xml).toContain('阜康匝道收费站党支部');
    expect(xml).toContain('第一党小组');
    expect(xml).toContain('2026年3月2日'); // CST date
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4 in twips
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toMatch(/<w:spacing [^>]*w:line="578"[^>]*w:lineRule="exact"/);
    expect(xml).toContain('<w:sz w:val="44"/>'); // 22 pt title
    expect(xml).toContain('<w:tblBorders>');
  });
});
