import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { MAX_FILE_BYTES } from './files.check.ts';
import { UploadFields, type UploadFieldsT } from './files.schema.ts';
import { cleanFileName } from './files.sniff.ts';
import { receiveToTemp, removeQuietly, type TempFile } from './files.storage.ts';

/** @fastify/multipart limits: one 20 MB file and a few short fields per request. */
export const MULTIPART_LIMITS = { fileSize: MAX_FILE_BYTES, files: 1, fields: 6, fieldSize: 1024, parts: 8, headerPairs: 100 };

const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', '文件超过 20 MB 的上限，请压缩或拆分后再上传');

/** Reads a multipart upload (field `file` plus text fields, in any order) into a temp file; nothing remains on error. */
export async function readUpload(req: FastifyRequest): Promise<{ tmp: TempFile; originalName: string; fields: UploadFieldsT }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式上传文件（字段名 file）');
  let tmp: TempFile | null = null;
  let originalName = '';
  const raw: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || tmp) {
          part.file.resume();
          throw new AppError('BAD_REQUEST', '每次只能上传一个文件，字段名为 file');
        }
        originalName = cleanFileName(part.filename);
        tmp = await receiveToTemp(req.ctx.env.filesDir, part.file);
        // throwFileSizeLimit makes the stream fail; the flag is checked as well so a truncated file can never pass
        if (part.file.truncated) throw tooLarge();
      } else {
        raw[part.fieldname] = String(part.value);
      }
    }
    if (!tmp) throw new AppError('BAD_REQUEST', '请选择要上传的文件（字段名 file）');
    const parsed = UploadFields.safeParse(raw);
    if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues.map((i) => i.message).join('；'));
    return { tmp, originalName, fields: parsed.data };
  } catch (e) {
    if (tmp) await removeQuietly(tmp.tmpPath);
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : new AppError('PAYLOAD_TOO_LARGE', '一次只能上传一个文件，且附带字段不能过多');
    throw e;
  }
}
