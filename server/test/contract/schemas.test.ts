import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../build-test-app.ts';
import { apiRoutes, type CapturedRoute } from '../matrix/capture.ts';
import { contractProblems } from './contract.rules.ts';
import { PENDING } from './pending.ts';

vi.mock('fastify', async (orig) => (await import('../matrix/capture.ts')).withRouteCapture(await orig()));

let t: TestApp;
let routes: CapturedRoute[];

beforeAll(async () => {
  t = await buildTestApp();
  routes = apiRoutes(t.app);
});
afterAll(async () => t?.close());

describe('one contract: every /api route answers with schemas shared from common/', () => {
  it('has a policy and shared request and response schemas on every route (or is listed as pending)', () => {
    const bad = routes
      .filter((r) => !PENDING.has(r.key))
      .flatMap((r) => [...(r.policy ? [] : ['no policy']), ...contractProblems(r.schema)].map((p) => `${r.key}: ${p}`));
    expect(bad, 'move the schema to common/<module>.ts and register it with .meta({ id })').toEqual([]);
  });

  it('lists as pending only routes that still break the contract (the list only shrinks)', () => {
    const done = routes.filter((r) => PENDING.has(r.key) && contractProblems(r.schema).length === 0).map((r) => r.key);
    const unknown = [...PENDING].filter((k) => !routes.some((r) => r.key === k));
    expect({ done, unknown }, 'remove these from server/test/contract/pending.ts').toEqual({ done: [], unknown: [] });
  });
});
