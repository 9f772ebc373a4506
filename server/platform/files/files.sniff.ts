import { readFile } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { AppError } from '../errors.ts';
import { inspectOfficeZip } from './files.zip.ts';

/** The allowlist: extension → the type the content must sniff as. */
const ALLOWED: Record<string, { ext: string; mime: string }> = {
  jpg: { ext: 'jpg', mime: 'image/jpeg' },
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  pdf: { ext: 'pdf', mime: 'application/pdf' },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
};
export const ALLOWED_TEXT = 'jpg、png、pdf、docx、xlsx';

const unsupported = (msg: string) => new AppError('UNSUPPORTED_MEDIA_TYPE', msg);

export function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * The original name as metadata: last path segment only, without control and bidi-override characters,
 * at most 200 characters with the extension kept. Never used for storage.
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (clean.length <= 200) return clean;
  const ext = extOf(clean);
  return ext && ext.length < 10 ? `${clean.slice(0, 199 - ext.length)}.${ext}` : clean.slice(0, 200);
}

/** Checks the name's extension and the sniffed content agree and are allowed; Office files get their zip inspected. */
export async function checkContent(tmpPath: string, originalName: string, size: number): Promise<{ ext: string; mime: string }> {
  const want = ALLOWED[extOf(originalName)];
  if (!want) throw unsupported(`不支持该文件类型，只能上传 ${ALLOWED_TEXT} 文件`);
  if (size === 0) throw unsupported('文件为空，请选择有内容的文件');
  const got = await fileTypeFromFile(tmpPath);
  if (!got || got.ext !== want.ext)
    throw unsupported(`文件内容与扩展名 .${extOf(originalName)} 不符，请确认文件未被改名后再上传（只能上传 ${ALLOWED_TEXT} 文件）`);
  if (want.ext === 'docx' || want.ext === 'xlsx') inspectOfficeZip(await readFile(tmpPath));
  return want;
}
