import { z } from './zod-locale.ts';

/**
 * The one error body every 4xx/5xx answer carries (server/platform/http/error-handler.ts): a stable UPPER_SNAKE
 * `code`, a Chinese `message` that says what to fix, the failing `fields` of a validation error, and any
 * details of the error (e.g. `errors` of an import).
 */
export const ErrorOut = z
  .looseObject({
    code: z.string().meta({ examples: ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'CSRF'] }),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'ErrorOut', description: '错误：稳定的 code 与说明如何处理的中文 message' });
export type ErrorOutT = z.infer<typeof ErrorOut>;

/** The body of a 204 answer (nothing). */
export const NoContent = z.undefined().meta({ description: '无内容' });

// a file body (a Buffer or a stream on the server): documented as a binary string
const binary = z.any().meta({ type: 'string', format: 'binary' });
const download = (mime: string, description: string) => ({ description, content: { [mime]: { schema: binary } } });

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Response declarations of downloads: the document names the content type, the body is the file. */
export const XlsxFile = download(XLSX_MIME, 'Excel 文件（xlsx）');
export const DocxFile = download(DOCX_MIME, 'Word 文件（docx）');
export const AnyFile = download('application/octet-stream', '附件原文件（按上传时的类型）');
/** A rubric export: YAML or Excel, as asked. */
export const RubricFile = {
  description: '评分细则（YAML 或 Excel）',
  content: { 'application/yaml': { schema: binary }, [XLSX_MIME]: { schema: binary } },
};
