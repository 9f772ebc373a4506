import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../export/content-disposition.ts';
import type { FileOutT } from './files.schema.ts';

const INLINE = new Set(['image/png', 'image/jpeg', 'application/pdf']);

/** Sends a stored file the one safe way: its sniffed type, a download name, nosniff, a sandbox CSP and no caching. */
export function sendFile(reply: FastifyReply, { file, data }: { file: FileOutT; data: Buffer }) {
  return reply
    .type(file.mime)
    .header('Content-Disposition', contentDisposition(file.originalName, INLINE.has(file.mime)))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "sandbox; default-src 'none'")
    .header('Cache-Control', 'private, no-store')
    .send(data);
}
