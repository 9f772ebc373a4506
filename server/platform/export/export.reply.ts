import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { auditAlone } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { contentDisposition } from './content-disposition.ts';
import { streamXlsx, writeXlsx, XLSX_MIME, type XlsxRow, type XlsxSpec } from './xlsx.ts';

/** What the audit record of an export says: which list, of which org, how many rows. */
export type ExportAudit = { kind: string; orgId?: string | null; orgPath?: string | null; detail?: Record<string, unknown> };

async function auditExport(ctx: Ctx, fileName: string, a: ExportAudit, rows: number | null, unmask: boolean) {
  await auditAlone(ctx, {
    action: 'export',
    objectType: a.kind,
    orgId: a.orgId ?? null,
    orgPath: a.orgPath ?? null,
    detail: { ...a.detail, fileName, rows, unmask },
  });
}

/** Sends an xlsx built in memory: audit record `export` (with the row count) first, then the file. */
export async function sendXlsx(reply: FastifyReply, ctx: Ctx, fileName: string, spec: XlsxSpec & { rows: XlsxRow[] }, a: ExportAudit) {
  const buf = await writeXlsx(spec);
  await auditExport(ctx, fileName, a, spec.rows.length, !!spec.unmask);
  return reply.type(XLSX_MIME).header('Content-Disposition', contentDisposition(fileName)).send(buf);
}

/** Streams a large xlsx to the reply; `rowCount` (known from a count query) goes into the audit record written before any byte. */
export async function sendXlsxStream(
  reply: FastifyReply,
  ctx: Ctx,
  fileName: string,
  spec: XlsxSpec,
  rows: Iterable<XlsxRow> | AsyncIterable<XlsxRow>,
  a: ExportAudit & { rowCount: number | null },
) {
  await auditExport(ctx, fileName, a, a.rowCount, !!spec.unmask);
  const out = new PassThrough();
  streamXlsx(spec, rows, out).catch((e: Error) => {
    reply.log.error({ err: e }, 'xlsx stream failed');
    out.destroy(e);
  });
  return reply.type(XLSX_MIME).header('Content-Disposition', contentDisposition(fileName)).send(out);
}

/** Sends a generated Word document, audited as an export. */
export async function sendDocx(reply: FastifyReply, ctx: Ctx, fileName: string, buf: Buffer, a: ExportAudit) {
  await auditExport(ctx, fileName, a, null, false);
  return reply
    .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('Content-Disposition', contentDisposition(fileName))
    .send(buf);
}
