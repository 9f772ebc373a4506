import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CockpitOutT } from '../../../common/cockpit.ts';
import type { FactRecordsOutT, FactsOutT } from '../../../common/facts.ts';
import { MEETING_TYPES } from '../../../common/meeting.ts';
import { seedDemo } from '../../demo/seed.ts';
import { facts } from '../../modules/index.ts';
import { type Agent, buildTestApp, type TestApp } from '../build-test-app.ts';
import { loginAs } from '../factories.ts';

// Every registered fact over the demo organisation (a year of generated activity in every module): for random orgs
// and years, the value GET /api/facts answers equals what its records add up to — their total for a count, the sum
// of their amounts for a sum (to the unit's precision), and sum / total for a rate.

let t: TestApp;
let sasac: Agent;
let orgIds: string[];
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.db, t.env, t.rootId);
  sasac = await loginAs(t, 'sasac_staff', t.rootId);
  const res = (await t.db.execute('select id::text as id from orgs order by path')) as unknown as { rows: { id: string }[] };
  orgIds = res.rows.map((r) => r.id);
}, 600_000);
afterAll(() => t.close());

const PAGE = 500;
const WALK_MAX = 1500;
const spent = new Map<string, number>();

/**
 * The records of a fact: the first page, and every page when there are few enough to walk (the total and sum are the
 * server's over all pages either way).
 */
async function records(key: string, orgId: string, year: number) {
  const url = (page: number) => `/api/facts/${key}/records?orgId=${orgId}&year=${year}&pageSize=${PAGE}&page=${page}`;
  const first = (await sasac.get(url(1))).json() as FactRecordsOutT;
  const items = [...first.items];
  const walk = first.total <= WALK_MAX;
  for (let page = 2; walk && items.length < first.total; page++) {
    const next = (await sasac.get(url(page))).json() as FactRecordsOutT;
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { ...first, items: walk ? items : null };
}

const digitsOf = (v: number) => (String(v).split('.')[1] ?? '').length;

describe('facts over the demo organisation', () => {
  it('the demo holds records for most facts (the check below is not vacuous)', async () => {
    const out = (await sasac.get(`/api/facts?year=${t.clock().getUTCFullYear()}`)).json() as FactsOutT;
    expect(out.items.map((x) => x.key).sort()).toEqual(facts.map((f) => f.key).sort());
    const nonZero = out.items.filter((x) => (x.value ?? 0) > 0);
    expect(nonZero.length).toBeGreaterThan(facts.length / 2);
  });

  it('every registered fact: value equals its records’ total, sum or rate, for random orgs and years', async () => {
    const now = t.clock().getUTCFullYear();
    const checked = new Set<string>();
    const check = async (orgId: string, year: number) => {
      const l0 = performance.now();
      const list = (await sasac.get(`/api/facts?orgId=${orgId}&year=${year}`)).json() as FactsOutT;
      spent.set('(list)', (spent.get('(list)') ?? 0) + performance.now() - l0);
      expect(list.items).toHaveLength(facts.length);
      for (const f of facts) {
        const value = list.items.find((x) => x.key === f.key)?.value ?? null;
        const t0 = performance.now();
        const r = await records(f.key, orgId, year);
        spent.set(f.key, (spent.get(f.key) ?? 0) + performance.now() - t0);
        const where = `${f.key} at ${orgId} in ${year}`;
        // walked: the pages hold exactly `total` records whose amounts add up to `sum`
        if (r.items) {
          expect(r.items.length, where).toBe(r.total);
          expect(new Set(r.items.map((x) => x.id)).size, where).toBe(r.total);
          const added = r.items.reduce((s, x) => s + (x.amount ?? 0), 0);
          if (r.sum !== null) expect(r.sum, where).toBeCloseTo(added, 6);
        }
        const sum = r.sum ?? 0;
        if (f.kind === 'count') expect(value, where).toBe(r.total);
        else if (f.kind === 'sum')
          expect(Math.abs((value ?? 0) - sum), where).toBeLessThanOrEqual(0.5 * 10 ** -digitsOf(value ?? 0) + 1e-9);
        else if (value !== null) {
          const scale = f.unit === '%' ? 100 : 1;
          expect(r.total, where).toBeGreaterThan(0);
          expect(Math.abs(value - (sum / r.total) * scale), where).toBeLessThanOrEqual(0.5 * 10 ** -digitsOf(value) + 1e-9);
        }
        if ((value ?? 0) > 0) checked.add(f.key);
      }
    };
    for (const year of [now - 1, now]) await check(t.rootId, year);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom(now - 1, now, now + 1), (i, year) => check(orgIds[i % orgIds.length], year)),
      { numRuns: 8, seed: 20_261_202 },
    );
    const year = now;
    await sasac.get(`/api/cockpit?year=${year}`);
    const c0 = performance.now();
    await sasac.get(`/api/cockpit?year=${year}`);
    const cockpitMs = performance.now() - c0;
    const f0 = performance.now();
    await sasac.get(`/api/facts?year=${year}`);
    console.log(`facts: at the root, /api/cockpit ${Math.round(cockpitMs)} ms, /api/facts ${Math.round(performance.now() - f0)} ms`);
    // every fact the demo fills was seen non-zero at least once
    expect(checked.size).toBeGreaterThan(facts.length / 2);
    console.log(
      'facts: slowest records',
      [...spent]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([k, ms]) => `${k} ${Math.round(ms)} ms`),
    );
  }, 600_000);

  it('the cockpit’s headline shows the facts’ values', async () => {
    const year = t.clock().getUTCFullYear();
    for (const orgId of [t.rootId, ...orgIds.filter((_, i) => i % 17 === 3)]) {
      const h = ((await sasac.get(`/api/cockpit?orgId=${orgId}&year=${year}`)).json() as CockpitOutT).headline;
      const list = (await sasac.get(`/api/facts?orgId=${orgId}&year=${year}`)).json() as FactsOutT;
      const v = (key: string) => list.items.find((x) => x.key === key)?.value;
      expect({
        members: h.members,
        orgs: h.orgs,
        meetings: h.meetings,
        threeOne: h.threeOneMeetings,
        rate: h.threeOne.rate === null ? null : Math.round(h.threeOne.rate * 1000) / 10,
        firstTopics: h.firstTopics,
        studyHours: h.studyHours,
        perMember: h.studyHoursPerMember,
        named: h.fivegood.named,
        inReview: (h.fivegood.byStatus.submitted ?? 0) + (h.fivegood.byStatus.forwarded ?? 0),
        transfers: h.transfersOpen,
        warnings: h.warnings.total,
      }).toEqual({
        members: { full: v('members.full'), probationary: v('members.probationary'), total: v('members.total') },
        orgs: {
          committee: v('orgs.committee'),
          general_branch: v('orgs.general_branch'),
          branch: v('orgs.branch'),
          group: v('orgs.group'),
        },
        meetings: Object.fromEntries(MEETING_TYPES.map((m) => [m, v(`meetings.${m}`)])),
        threeOne: v('meetings.three_one'),
        rate: v('meetings.three_one_rate'),
        firstTopics: v('meetings.first_topic'),
        studyHours: v('study.hours'),
        perMember: v('study.hours_per_member'),
        named: v('fivegood.named'),
        inReview: v('fivegood.in_review'),
        transfers: v('transfers.open'),
        warnings: v('orgs.warnings'),
      });
    }
  }, 300_000);
});
