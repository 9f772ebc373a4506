import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors.ts';
import { inspectOfficeZip } from './files.zip.ts';

/** The one upload size limit (attachments, member import, rubric import). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The allowlist: extension → the type the content must sniff as. */
export const UPLOAD_TYPES = {
  jpg: { ext: 'jpg', mime: 'image/jpeg' },
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  pdf: { ext: 'pdf', mime: 'application/pdf' },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
} as const;
export type UploadExt = keyof typeof UPLOAD_TYPES;
const ALL_TYPES = Object.keys(UPLOAD_TYPES) as UploadExt[];

const unsupported = (msg: string) => new AppError('UNSUPPORTED_MEDIA_TYPE', msg);
const listText = (exts: readonly UploadExt[]) => [...new Set(exts.map((e) => UPLOAD_TYPES[e].ext))].join('、');

export type UploadCheck = {
  /** the type the upload declares: the original name's extension (`xlsx`, `docx`, …) */
  declared: string;
  /** the types this upload path accepts (default: the whole allowlist) */
  allow?: readonly UploadExt[];
  /** a smaller limit than 20 MB for this path */
  maxBytes?: number;
  /** appended to the refusal when the content is not the declared type (e.g. how to convert an old .xls) */
  hint?: string;
};

/**
 * Every upload goes through here before anything parses it: the declared type is allowed, the size is within the
 * limit, Office files (xlsx, docx) have their zip inspected (entry count, total unpacked size, ratio, paths,
 * nested archives) and the content's magic bytes sniff as the declared type.
 */
export async function checkUploadBuffer(buf: Buffer, opts: UploadCheck): Promise<{ ext: string; mime: string }> {
  const allow = opts.allow ?? ALL_TYPES;
  const declared = opts.declared.toLowerCase() as UploadExt;
  const want = allow.includes(declared) ? UPLOAD_TYPES[declared] : undefined;
  if (!want) throw unsupported(`不支持该文件类型，只能上传 ${listText(allow)} 文件`);
  const max = opts.maxBytes ?? MAX_FILE_BYTES;
  if (buf.length > max)
    throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${Math.round(max / 1024 / 1024)} MB 的上限，请压缩或拆分后再上传`);
  if (buf.length === 0) throw unsupported('文件为空，请选择有内容的文件');
  const office = want.ext === 'docx' || want.ext === 'xlsx';
  // the zip is inspected before anything (the sniffer included) inflates an entry
  if (office && buf[0] === 0x50 && buf[1] === 0x4b) inspectOfficeZip(buf);
  const got = await fileTypeFromBuffer(buf);
  if (!got || got.ext !== want.ext)
    throw unsupported(
      `文件内容与扩展名 .${declared} 不符，请确认文件未被改名后再上传（只能上传 ${listText(allow)} 文件）${opts.hint ?? ''}`,
    );
  return want;
}
