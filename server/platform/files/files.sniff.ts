import { readFile } from 'node:fs/promises';
import { checkUploadBuffer } from './files.check.ts';

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

/** Checks a received upload (a temp file of `size` bytes) by the one upload check, its name's extension declaring the type. */
export async function checkContent(tmpPath: string, originalName: string, _size: number): Promise<{ ext: string; mime: string }> {
  return checkUploadBuffer(await readFile(tmpPath), { declared: extOf(originalName) });
}
