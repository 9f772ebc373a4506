import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ErrorOut, NoContent, XlsxFile } from '../../../common/errors.ts';
import { OrgCreateSchema, OrgOut } from '../../../common/org.ts';
import { buildTestApp, type TestApp } from '../build-test-app.ts';
import { apiRoutes, type CapturedRoute } from '../matrix/capture.ts';
import { contractProblems } from './contract.rules.ts';

vi.mock('fastify', async (orig) => (await import('../matrix/capture.ts')).withRouteCapture(await orig()));

let t: TestApp;
let routes: CapturedRoute[];

beforeAll(async () => {
  t = await buildTestApp();
  routes = apiRoutes(t.app);
});
afterAll(async () => t?.close());

describe('one contract: every /api route answers with schemas shared from common/', () => {
  it('has a policy and shared request and response schemas on every route', () => {
    expect(routes.length).toBeGreaterThan(150);
    const bad = routes.flatMap((r) => [...(r.policy ? [] : ['no policy']), ...contractProblems(r.schema)].map((p) => `${r.key}: ${p}`));
    expect(bad, 'move the schema to common/<module>.ts and register it with named() (common/named.ts)').toEqual([]);
  });

  it('tells a shared schema from an inline one', () => {
    expect(contractProblems({ body: OrgCreateSchema, response: { 201: OrgOut } })).toEqual([]);
    expect(contractProblems({ response: { 200: z.array(OrgOut) } })).toEqual([]);
    expect(contractProblems({ response: { 200: XlsxFile } })).toEqual([]);
    expect(contractProblems({ response: { 204: NoContent } })).toEqual([]);
    expect(contractProblems({ response: { 200: ErrorOut } })).toEqual([]);
    expect(contractProblems({})).toEqual(['no 2xx response schema']);
    expect(contractProblems({ response: { 200: z.object({ id: z.string() }) } })).toEqual(['response 200 is not a shared schema']);
    expect(contractProblems({ body: z.object({ id: z.string() }), response: { 201: OrgOut } })).toEqual(['body is not a shared schema']);
  });
});
