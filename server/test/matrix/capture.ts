import type { FastifySchema } from 'fastify';
import type { Policy } from '../../platform/access/policy.ts';

/** One registered route as the matrix and the security tests see it (HEAD duplicates dropped). */
export type CapturedRoute = {
  method: string;
  url: string;
  key: string;
  policy?: Policy;
  schema?: FastifySchema;
  /** the handler's source, for the schema-presence check (IV-01) */
  handlerSource: string;
};

type RouteLike = { method: string | string[]; url: string; config?: { policy?: Policy }; schema?: FastifySchema; handler?: unknown };
type HookHost = { addHook(name: 'onRoute', fn: (route: RouteLike) => void): unknown };
type FastifyModule = { default: (...args: unknown[]) => unknown; fastify?: unknown };

const registry = new WeakMap<object, CapturedRoute[]>();

/**
 * Wraps the `fastify` module so every instance records its routes through an `onRoute` hook added before any
 * route is registered. Use from a test file (vi.mock is hoisted and file-local):
 *
 *   vi.mock('fastify', async (orig) => (await import('./capture.ts')).withRouteCapture(await orig()));
 */
export function withRouteCapture<M>(mod: M): M {
  const original = (mod as unknown as FastifyModule).default;
  const factory = (...args: unknown[]) => {
    const app = original(...args) as HookHost;
    const list: CapturedRoute[] = [];
    registry.set(app, list);
    app.addHook('onRoute', (route) => {
      for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
        if (method === 'HEAD') continue;
        list.push({
          method,
          url: route.url,
          key: `${method} ${route.url}`,
          policy: route.config?.policy,
          schema: route.schema,
          handlerSource: String(route.handler ?? ''),
        });
      }
    });
    return app;
  };
  Object.assign(factory, original);
  return { ...(mod as object), default: factory, fastify: factory } as M;
}

/** The `/api` routes registered on `app` (an instance created while the capture mock was active). */
export function apiRoutes(app: object): CapturedRoute[] {
  const list = registry.get(app);
  if (!list) throw new Error('routes were not captured: add vi.mock("fastify", …withRouteCapture…) to the test file');
  return list.filter((r) => r.url.startsWith('/api'));
}
