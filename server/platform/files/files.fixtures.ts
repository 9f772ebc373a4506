import { type Zippable, zipSync } from 'fflate';
import { docTitle, toBuffer } from '../export/docx.ts';
import { writeXlsx } from '../export/xlsx.ts';

/** A multipart/form-data body for `app.inject`. */
export function multipartBody(parts: { name: string; value?: string; filename?: string; data?: Buffer; type?: string }[]) {
  const boundary = `----liangqi${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.filename !== undefined ? `Content-Type: ${p.type ?? 'application/octet-stream'}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), p.data ?? Buffer.from(p.value ?? ''), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
export const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');

export const docxFile = () => toBuffer([docTitle('会议记录')]);
export const xlsxFile = () => writeXlsx({ sheetName: '名册', columns: [{ header: '姓名', key: 'name' }], rows: [{ name: '张三' }] });

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** A tiny hand-built .docx zip with extra entries (for zip-slip, bomb and nesting cases). */
export function craftedDocx(extra: Zippable): Buffer {
  const enc = new TextEncoder();
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': enc.encode(CONTENT_TYPES),
      'word/document.xml': enc.encode('<w:document/>'),
      ...extra,
    }),
  );
}
