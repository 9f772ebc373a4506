import type { FastifySchema } from 'fastify';
import { globalRegistry, z } from 'zod';

/** The name a schema is registered under (`.meta({ id })` in `common/`), if any. */
export const sharedId = (s: unknown): string | undefined =>
  s instanceof z.ZodType ? (globalRegistry.get(s)?.id as string | undefined) : undefined;

const isShared = (s: unknown) => !!sharedId(s) || (s instanceof z.ZodArray && !!sharedId(s.element));
const isDownload = (s: unknown) => typeof s === 'object' && s !== null && 'content' in s;
const isEmpty = (s: unknown) => s instanceof z.ZodUndefined;

/**
 * What is wrong with a route's contract: every 2xx answer is a schema shared from `common/` (registered with an
 * id, or an array of one), a download (content type declared) or nothing (204); a body is a shared schema.
 */
export function contractProblems(schema: (FastifySchema & { hide?: boolean }) | undefined): string[] {
  if (schema?.hide) return [];
  const problems: string[] = [];
  const response = (schema?.response ?? {}) as Record<string, unknown>;
  const ok = Object.entries(response).filter(([s]) => /^2\d\d$/.test(s));
  if (!ok.length) problems.push('no 2xx response schema');
  for (const [status, s] of ok)
    if (!isShared(s) && !isDownload(s) && !(status === '204' && isEmpty(s))) problems.push(`response ${status} is not a shared schema`);
  if (schema?.body && !isShared(schema.body)) problems.push('body is not a shared schema');
  return problems;
}
