import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROLES } from '../../../common/access.ts';
import { type Agent, buildTestApp, type TestApp } from '../build-test-app.ts';
import { buildUser } from '../factories.ts';
import { apiRoutes, type CapturedRoute } from '../matrix/capture.ts';
import { sessionAgent } from '../matrix/fixture.ts';
import { concreteUrl, schemaKeys } from './routes.ts';

vi.mock('fastify', async (orig) => (await import('../matrix/capture.ts')).withRouteCapture(await orig()));

// IV-02: generated malformed or oversized payloads — any JSON, deep nesting, 1 MB strings, wrong types for the
// schema's own keys, broken JSON text — to every body-taking route: never a 5xx. 1,000 bodies per run in all.
const BODY_RUNS = 1000;
const QUERY_RUNS = 300;

let t: TestApp;
let routes: CapturedRoute[];
let all: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  routes = apiRoutes(t.app);
  all = await sessionAgent(t, (await buildUser(t, { roles: ROLES.map((role) => ({ role, orgId: t.rootId })) })).id);
});
afterAll(() => t.close());

const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.array(fc.jsonValue(), { maxLength: 5 }),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
  fc.constantFrom('', ' ', '\u0000', '2026-02-30', '-1', '1e309', '💥'.repeat(50), "' or 1=1 --", '<script>alert(1)</script>'),
);

/** Raw JSON text for one fuzzed request body of a route whose schema has `keys`. */
function bodyArbitrary(keys: string[]): fc.Arbitrary<string> {
  const key = keys.length ? fc.constantFrom(...keys) : fc.string({ maxLength: 10 });
  const json = (a: fc.Arbitrary<unknown>) => a.map((v) => JSON.stringify(v) ?? 'null');
  return fc.oneof(
    json(fc.jsonValue({ maxDepth: 4 })),
    json(keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, wrongValue])), { requiredKeys: [] }) : fc.object()),
    fc
      .tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('[', '{"a":'))
      .map(([d, open]) => (open === '[' ? `${'['.repeat(d)}${']'.repeat(d)}` : `${open.repeat(d)}1${'}'.repeat(d)}`)),
    fc
      .tuple(key, fc.constantFrom(1_000, 100_000, 1_000_000), fc.constantFrom('x', '中', '\\u0000'))
      .map(([k, n, ch]) => `{"${k}":"${ch.repeat(ch.length > 1 ? n / 6 : n)}"}`),
    fc.string({ maxLength: 200 }),
    fc.constantFrom('', '{', '{"a":1,}', 'null', 'NaN', '"\\ud800"', '{"a":1e999999}', '[1,2', '{"__proto__":null}'),
  );
}

describe('fuzzed bodies and query strings never produce a 5xx (IV-02)', () => {
  it(`${BODY_RUNS} malformed JSON bodies spread over every body-taking route`, async () => {
    const targets = routes.filter((r) => r.schema?.body);
    expect(targets.length).toBeGreaterThan(3);
    const runs = Math.ceil(BODY_RUNS / targets.length);
    for (const r of targets) {
      await fc.assert(
        fc.asyncProperty(bodyArbitrary(schemaKeys(r, 'body')), async (payload) => {
          const res = await all.inject({
            method: r.method as 'POST',
            url: concreteUrl(r.url),
            headers: { 'content-type': 'application/json' },
            payload,
          });
          if (res.statusCode >= 500) throw new Error(`${r.key} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }),
        { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
      );
    }
  });

  it(`${QUERY_RUNS} malformed query strings spread over every route with a query schema`, async () => {
    const targets = routes.filter((r) => r.schema?.querystring);
    const runs = Math.ceil(QUERY_RUNS / Math.max(targets.length, 1));
    for (const r of targets) {
      const keys = schemaKeys(r, 'querystring');
      const pair = fc.tuple(
        keys.length ? fc.constantFrom(...keys) : fc.string(),
        fc.oneof(
          fc.string(),
          wrongValue.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
        ),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(pair, { maxLength: 6 }), async (pairs) => {
          const qs = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
          const res = await all.inject({ method: r.method as 'GET', url: `${concreteUrl(r.url)}?${qs}` });
          if (res.statusCode >= 500) throw new Error(`${r.key}?${qs} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }),
        { numRuns: runs },
      );
    }
  });
});

describe('NUL characters (IV-02)', () => {
  it('are refused with a clear 400 in a query string, a path parameter and a JSON body, whatever the route', async () => {
    for (const [what, res] of [
      ['query', await all.get('/api/files?ownerId=%00')],
      ['query', await all.get('/api/members?keyword=%E5%BC%A0%00')],
      ['params', await all.get('/api/orgs/%00')],
      ['body', await all.post('/api/orgs', { parentId: t.rootId, name: '党支部\u0000', type: 'branch' })],
    ] as const) {
      expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
      expect(res.json().message).toContain('空字符');
    }
  });
});
