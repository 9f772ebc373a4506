import type { CapturedRoute } from '../matrix/capture.ts';

// Route-table helpers for the input-validation tests (IV-01…IV-03).

type Part = 'body' | 'querystring' | 'params';

/** The top-level keys of a route's Zod schema for `part` ([] when it is not an object schema). */
export function schemaKeys(route: CapturedRoute, part: Part): string[] {
  const s = route.schema?.[part] as { shape?: Record<string, unknown> } | undefined;
  return s?.shape ? Object.keys(s.shape) : [];
}

/** Path parameter names of a route url (`/api/x/:id/y/:fileId` → id, fileId). */
export const pathParams = (url: string) => [...url.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]);

/** Which inputs a handler reads from its request argument, found in its source (`req.body`, `({ query })`…). */
export function inputsRead(handlerSource: string): Set<Part> {
  const src = handlerSource.trim();
  const found = new Set<Part>();
  const first = /^(?:async\s*)?(?:function\b[^(]*)?\(?\s*(\{[^}]*\}|[A-Za-z_$][\w$]*)/.exec(src)?.[1] ?? '';
  const names = { body: 'body', query: 'querystring', params: 'params' } as const;
  for (const [field, part] of Object.entries(names)) {
    const read = first.startsWith('{')
      ? new RegExp(`\\b${field}\\b`).test(first)
      : first && new RegExp(`\\b${first.replace('$', '\\$')}\\s*\\??\\.\\s*${field}\\b`).test(src);
    if (read) found.add(part);
  }
  return found;
}

/** True when a handler takes its input as multipart (validated by the file service, not a JSON schema). */
export const readsMultipart = (handlerSource: string) => /\.(file|files|parts|saveRequestFiles)\s*\(/.test(handlerSource);

/** A concrete url for a route: every path parameter replaced by `value` (default: a random uuid). */
export const concreteUrl = (url: string, value?: string) => url.replace(/:[A-Za-z_]\w*/g, () => value ?? crypto.randomUUID());

/** True when a route's schema for `part` accepts anything (z.any() / z.unknown()): no validation at all. */
export function acceptsAnything(route: CapturedRoute, part: Part): boolean {
  const s = route.schema?.[part] as { _zod?: { def?: { type?: string } } } | undefined;
  const type = s?._zod?.def?.type;
  return type === 'any' || type === 'unknown';
}
