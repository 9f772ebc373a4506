import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../build-test-app.ts';
import { apiRoutes, type CapturedRoute } from './capture.ts';
import { cases } from './cases.ts';
import {
  buildFixture,
  buildPrincipal,
  type Fx,
  POSITIONS,
  PRINCIPALS,
  type Principal,
  type PrincipalKind,
  positionOrg,
} from './fixture.ts';
import { type Expectation, expected, positionsFor } from './oracle.ts';

vi.mock('fastify', async (orig) => (await import('./capture.ts')).withRouteCapture(await orig()));

type Mismatch = { route: string; principal: string; position: string; expected: string; got: string };

let t: TestApp;
let fx: Fx;
let routes: CapturedRoute[];
const principals = new Map<PrincipalKind, Principal>();
const mismatches: Mismatch[] = [];
let caseCount = 0;

beforeAll(async () => {
  t = await buildTestApp();
  routes = apiRoutes(t.app);
  fx = await buildFixture(t);
  for (const kind of PRINCIPALS) principals.set(kind, await buildPrincipal(fx, kind));
});
afterAll(async () => {
  console.log(`authorization matrix: ${routes?.length ?? 0} routes, ${caseCount} cases, ${mismatches.length} mismatches`);
  await t?.close();
});

const show = (e: Expectation) => (e.ok ? '2xx/3xx' : `${e.status} ${e.code}`);

function table(rows: Mismatch[]): string {
  const cols = ['route', 'principal', 'position', 'expected', 'got'] as const;
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(width[i])).join(' | ');
  return [line([...cols]), width.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map((r) => line(cols.map((c) => r[c])))].join('\n');
}

async function runRoute(key: string): Promise<Mismatch[]> {
  const route = routes.find((r) => r.key === key);
  if (!route) throw new Error(`matrix row "${key}" names no registered route: remove or rename it`);
  if (!route.policy) throw new Error(`${key} has no access policy`);
  const row = cases[key];
  const found: Mismatch[] = [];
  for (const principal of PRINCIPALS) {
    for (const position of positionsFor(route.policy, POSITIONS)) {
      const caller = row.freshPrincipal ? await buildPrincipal(fx, principal) : principals.get(principal)!;
      const req = await row.build(fx, positionOrg(fx, position), caller);
      const opts = { method: route.method as 'GET', url: req.url, payload: req.payload as string | undefined, headers: req.headers };
      const res = caller.agent ? await caller.agent.inject(opts) : await t.app.inject(opts);
      caseCount++;
      const want = expected(route.policy, principal, position);
      const code = res.statusCode >= 400 ? String((res.json() as { code?: string }).code) : '';
      const pass = want.ok ? res.statusCode < 400 : res.statusCode === want.status && code === want.code;
      if (!pass)
        found.push({
          route: key,
          principal,
          position,
          expected: show(want),
          got: `${res.statusCode} ${code || res.body.slice(0, 60)}`.trim(),
        });
    }
  }
  return found;
}

describe('authorization matrix', () => {
  it('has a row for every registered /api route', () => {
    const missing = routes.map((r) => r.key).filter((k) => !cases[k]);
    expect(missing, `routes without a row in server/test/matrix/cases.<module>.ts:\n${missing.join('\n')}`).toEqual([]);
  });

  it('has no row for a route that is not registered', () => {
    const keys = new Set(routes.map((r) => r.key));
    expect(Object.keys(cases).filter((k) => !keys.has(k))).toEqual([]);
  });

  for (const key of Object.keys(cases)) {
    it(key, async () => {
      const found = await runRoute(key);
      mismatches.push(...found);
      expect(found.length, `mismatches:\n${table(found)}`).toBe(0);
    });
  }
});
