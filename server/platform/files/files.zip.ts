import { constants, inflateRawSync } from 'node:zlib';
import { AppError } from '../errors.ts';

export const ZIP_LIMITS = { entries: 10_000, uncompressed: 100 * 1024 * 1024, ratio: 100 };
const NESTED_NAME = /\.(zip|jar|docx|docm|xlsx|xlsm|pptx|odt|ods|7z|rar|gz|tgz|bz2|xz|tar|cab)$/i;
// local-file zip, 7z, rar, gzip
const ARCHIVE_MAGIC = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x37, 0x7a, 0xbc, 0xaf],
  [0x52, 0x61, 0x72, 0x21],
  [0x1f, 0x8b],
];

const refuse = (why: string) => new AppError('UNSUPPORTED_MEDIA_TYPE', `文档结构异常（${why}），请用 Office 或 WPS 重新另存后再上传`);

type Entry = { name: string; method: number; size: number; originalSize: number; symlink: boolean; localOffset: number };

/** The central directory of a zip, read without inflating anything; zip64 and multi-disk archives are refused. */
function centralDirectory(buf: Buffer): Entry[] {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse('无法读取，文件可能已损坏');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (buf.readUInt16LE(eocd + 4) !== 0 || count === 0xffff || cdOffset === 0xffffffff) throw refuse('分卷或 ZIP64 格式');
  if (count > ZIP_LIMITS.entries) throw refuse(`条目超过 ${ZIP_LIMITS.entries} 个`);
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw refuse('无法读取，文件可能已损坏');
    const nameLen = buf.readUInt16LE(p + 28);
    const size = buf.readUInt32LE(p + 20);
    const originalSize = buf.readUInt32LE(p + 24);
    if (size === 0xffffffff || originalSize === 0xffffffff) throw refuse('分卷或 ZIP64 格式');
    const madeOnUnix = buf.readUInt8(p + 5) === 3;
    const mode = buf.readUInt32LE(p + 38) >>> 16;
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      size,
      originalSize,
      symlink: madeOnUnix && (mode & 0o170000) === 0o120000,
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** The first bytes of an entry's content: stored bytes as they are, deflated ones partly inflated (never the whole). */
function head(buf: Buffer, e: Entry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw refuse('无法读取，文件可能已损坏');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const chunk = buf.subarray(start, start + Math.min(e.size, 256));
  if (e.method === 0) return chunk;
  if (e.method !== 8) throw refuse('使用了不支持的压缩方式');
  try {
    return inflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    throw refuse('无法读取，文件可能已损坏');
  }
}

/**
 * Checks an Office file's zip before anything parses it: at most 10,000 entries and 100 MB unpacked, no entry
 * inflating more than 100×, no `..`/absolute names, no symlinks, no archive inside (by name or by content).
 */
export function inspectOfficeZip(buf: Buffer): void {
  const entries = centralDirectory(buf);
  let total = 0;
  for (const e of entries) {
    total += e.originalSize;
    if (total > ZIP_LIMITS.uncompressed) throw refuse('解压后超过 100 MB');
    if (e.originalSize > 1024 * 1024 && e.originalSize > e.size * ZIP_LIMITS.ratio) throw refuse('压缩比异常');
    const name = e.name.replace(/\\/g, '/');
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..')) throw refuse('含有非法路径');
    if (e.symlink) throw refuse('含有符号链接');
    if (NESTED_NAME.test(name)) throw refuse('内含压缩包');
    if (e.size > 0) {
      const h = head(buf, e);
      if (ARCHIVE_MAGIC.some((m) => m.every((b, i) => h[i] === b))) throw refuse('内含压缩包');
    }
  }
}
