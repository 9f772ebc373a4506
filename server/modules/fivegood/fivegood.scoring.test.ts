import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed.ts';
import { permissionsOf } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import type { Ctx } from '../../platform/context.ts';
import { rules } from '../../platform/rules/rules.service.ts';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { listOrgCommittees } from '../committee/committee.service.ts';
import { orgWarnings } from '../establishment/establishment.service.ts';
import { orgCalendar } from '../meeting/calendar.service.ts';
import { ledger } from '../meeting/ledger.service.ts';
import { members } from '../member/member.table.ts';
import { accountHours, hoursRules } from '../study/hours.rules.ts';
import { studyAttendees, studyRecords } from '../study/record.table.ts';
import { type Proposal, proposals, scoreBranches } from './fivegood.scoring.ts';
import { defaultRubric } from './rubric.yaml.ts';

let t: TestApp;
let ctx: Ctx;
let branches: { id: string; path: string }[];
const inds = defaultRubric().dimensions.flatMap((d) => d.indicators);
const YEAR = 2026;

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-11-24T10:00:00+08:00');
  await seedDemo(t.db, t.env, t.rootId);
  const roles = [{ role: 'sasac_staff' as const, orgId: t.rootId, orgPath: `/${t.rootId}/`, orgName: '州国资委党委' }];
  const actor = {
    userId: t.rootId,
    username: 'scorer',
    name: '评分',
    memberId: null,
    roles,
    permissions: permissionsOf(roles),
    mustChangePassword: false,
    isAdmin: false,
  };
  ctx = { ...t.sys(), actor };
  branches = await t.db
    .select({ id: orgs.id, path: orgs.path })
    .from(orgs)
    .where(and(inArray(orgs.type, ['branch', 'general_branch']), eq(orgs.status, 'active')));
}, 240_000);
afterAll(() => t.close());

/** What each source meant before batching, read back through the modules' own pages (ledger, calendar, terms, warnings). */
async function throughThePages(orgId: string, path: string): Promise<Record<string, { ratio: number; measure: string }>> {
  const l = await ledger(ctx, orgId, YEAR);
  const relayed = new Set(l.rows.filter((r) => r.orgId === orgId).map((r) => r.topicId));
  const missing = l.unreached.filter((u) => u.orgs.some((o) => o.id === orgId) && !relayed.has(u.topicId)).length;
  const cal = await orgCalendar(ctx, orgId, YEAR);
  const cur = (await listOrgCommittees(ctx, orgId)).find((c) => c.status === 'current');
  const found = (await orgWarnings(ctx, { orgId, only: true })).filter((f) => f.orgId === orgId && f.level !== 'notice');
  const errors = found.filter((f) => f.level === 'error').length;
  const out: Record<string, { ratio: number; measure: string }> = {
    first_topic: { ratio: relayed.size + missing ? relayed.size / (relayed.size + missing) : 0, measure: '' },
    committee_term: { ratio: cur && cur.termState !== 'overdue' ? 1 : 0, measure: '' },
    org_setup: { ratio: Math.max(0, 1 - errors * 0.5 - (found.length - errors) * 0.25), measure: '' },
  };
  for (const ind of inds.filter((i) => i.source === 'meeting_compliance')) {
    const rows = cal.rows.filter((r) => ind.sourceKeys.includes(r.key));
    let met = 0;
    let due = 0;
    for (const r of rows) {
      const counted = r.periods.filter((p) => p.status !== 'grey');
      met += counted.filter((p) => p.held >= r.minCount).length;
      due += counted.length;
    }
    out[ind.key] = { ratio: rows.length ? (due ? met / due : 0) : 1, measure: `${met}/${due}` };
  }
  // 学时: every entry of every active member of the branch and its groups, one by one
  const hr = hoursRules(await rules(ctx));
  const roster = await t.db
    .select({ id: members.id })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(members.status, 'active'), like(orgs.path, `${path}%`)));
  const leaders = new Set(cur?.members.map((m) => m.memberId));
  let met = 0;
  for (const m of roster) {
    const entries = await t.db
      .select({ form: studyRecords.form, on: studyRecords.occurredOn, minutes: studyRecords.minutes, span: studyRecords.span })
      .from(studyAttendees)
      .innerJoin(studyRecords, eq(studyRecords.id, studyAttendees.recordId))
      .where(eq(studyAttendees.memberId, m.id));
    if (accountHours(entries, hr, { year: YEAR, leader: leaders.has(m.id) }).met) met++;
  }
  out.study_hours = { ratio: roster.length ? met / roster.length : 0, measure: '' };
  return out;
}

describe('五个好 batch scoring', () => {
  it('scores every branch of the demo in one batch exactly as each branch alone, with the same records behind it', async () => {
    expect(branches.length).toBeGreaterThan(10);
    const all = await scoreBranches(
      ctx,
      branches.map((b) => b.id),
      YEAR,
      inds,
      { evidence: true },
    );
    const figures = await scoreBranches(
      ctx,
      branches.map((b) => b.id),
      YEAR,
      inds,
    );
    for (const b of branches) {
      const alone = await proposals(ctx, b.id, YEAR, inds);
      expect(all.get(b.id)).toEqual(alone);
      // without the records the figures are the same
      expect(figures.get(b.id)).toEqual(alone.map((p) => ({ ...p, evidence: [] })));
    }
    // the demo exercises the sources with both good and poor results (its establishment is in order)
    const ratios = (src: string) =>
      branches.flatMap((b) => (all.get(b.id) as Proposal[]).filter((p) => p.source === src).map((p) => p.ratio));
    for (const src of ['first_topic', 'meeting_compliance', 'committee_term', 'study_hours'])
      expect(new Set(ratios(src)).size, src).toBeGreaterThan(1);
  }, 240_000);

  it('agrees with what the ledger, calendar, committee and warning pages show for each branch', async () => {
    const all = await scoreBranches(
      ctx,
      branches.map((b) => b.id),
      YEAR,
      inds,
    );
    for (const b of branches) {
      const want = await throughThePages(b.id, b.path);
      for (const p of all.get(b.id) as Proposal[]) {
        const w = want[p.source === 'meeting_compliance' ? p.key : p.source];
        expect(p.ratio, `${b.id} ${p.key}`).toBeCloseTo(w.ratio, 10);
        if (p.source === 'meeting_compliance' && w.measure !== '0/0' && p.measure.startsWith('达标周期'))
          expect(p.measure).toContain(w.measure);
      }
    }
  }, 240_000);

  it('refuses a branch outside the caller’s scope', async () => {
    const outside = { ...ctx, actor: { ...(ctx.actor as NonNullable<Ctx['actor']>), roles: [], permissions: new Set() } } as Ctx;
    await expect(scoreBranches(outside, [branches[0].id], YEAR, inds)).rejects.toThrow();
  });
});
