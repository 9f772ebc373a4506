import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';

/** True when a parsed query, params or JSON body holds a NUL character anywhere (keys included). */
function hasNul(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (depth > 32 || v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some((x) => hasNul(x, depth + 1));
  // parsed JSON and query objects only: never walk buffers (uploads) or streams
  if (ArrayBuffer.isView(v) || typeof (v as { pipe?: unknown }).pipe === 'function') return false;
  return Object.entries(v).some(([k, x]) => k.includes('\u0000') || hasNul(x, depth + 1));
}

/**
 * PostgreSQL text cannot hold NUL, so a NUL anywhere in the input would surface as a database error (500). Refuse it
 * up front for every route, after authentication, with a clear 400.
 */
export const inputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (req) => {
    if (hasNul(req.query) || hasNul(req.params) || hasNul(req.body))
      throw new AppError('BAD_REQUEST', '请求中含有不允许的空字符（\\0），请删除后重试');
  });
});
