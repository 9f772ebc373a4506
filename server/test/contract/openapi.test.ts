import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, buildTestApp, type TestApp } from '../build-test-app.ts';
import { loginAs } from '../factories.ts';

type Op = {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
};
type Doc = {
  paths: Record<string, Record<string, Op>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; in: string; name: string }> };
};

let t: TestApp;
let agent: Agent;
let doc: Doc;
const ops: { key: string; op: Op }[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  agent = await loginAs(t, 'sasac_staff', t.rootId);
  const res = await agent.get('/api/docs/json');
  expect(res.statusCode).toBe(200);
  doc = res.json() as Doc;
  for (const [p, item] of Object.entries(doc.paths))
    for (const [m, op] of Object.entries(item)) ops.push({ key: `${m.toUpperCase()} ${p}`, op });
});
afterAll(async () => t?.close());

describe('the OpenAPI document (/api/docs/json)', () => {
  it('gives every operation a unique operationId and a tag', () => {
    expect(ops.length).toBeGreaterThan(150);
    expect(ops.filter(({ op }) => !op.operationId || !op.tags?.length).map((o) => o.key)).toEqual([]);
    const ids = ops.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares the session cookie and the CSRF header as security schemes, and uses them', () => {
    const s = doc.components.securitySchemes;
    expect(s.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'lq_sid' });
    expect(s.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    const find = (key: string) => ops.find((o) => o.key === key)!.op;
    expect(find('GET /api/orgs').security).toEqual([{ session: [] }]);
    expect(find('POST /api/orgs').security).toEqual([{ session: [], csrf: [] }]);
    expect(find('POST /api/auth/login').security).toEqual([]);
  });

  it('answers every 4xx with the shared ErrorOut schema', () => {
    expect(doc.components.schemas.ErrorOut).toBeDefined();
    const bad: string[] = [];
    for (const { key, op } of ops) {
      const fours = Object.entries(op.responses).filter(([s]) => /^4/.test(s));
      if (!fours.length) bad.push(`${key}: no 4xx`);
      for (const [s, r] of fours)
        if (r.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorOut') bad.push(`${key} ${s}`);
    }
    expect(bad).toEqual([]);
  });

  it('names the shared schemas as components and refers to them', () => {
    for (const id of ['Org', 'Member', 'Meeting', 'AssessmentOut', 'TransferOut', 'CommitteeOut', 'Me', 'ErrorOut'])
      expect(doc.components.schemas[id], id).toBeDefined();
    const find = (key: string) => ops.find((o) => o.key === key)!.op;
    expect(find('GET /api/orgs/{id}').responses['200'].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/Org');
    expect(find('GET /api/members/{id}').responses['200'].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/Member');
  });

  it('names the content type of downloads', () => {
    const find = (key: string) => ops.find((o) => o.key === key)!.op;
    expect(Object.keys(find('GET /api/members/export').responses['200'].content ?? {})).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(Object.keys(find('GET /api/meetings/{id}/docx').responses['200'].content ?? {})).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
  });

  it('serves the reader at /api/docs to signed-in users only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(401);
    const page = await agent.get('/api/docs');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('/api/docs/reader.js');
    const js = await agent.get('/api/docs/reader.js');
    expect(js.statusCode).toBe(200);
    expect(js.body).toContain('/api/docs/json');
  });
});
