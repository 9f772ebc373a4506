import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.ts';
import { writeSetting } from '../settings/settings.service.ts';
import { defaultRules, RULES_KEY, rules } from './rules.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('rule table', () => {
  it('ships the domain defaults (3-year branch term, 90-day letters, 3 full members)', async () => {
    const r = await rules(t.sys());
    expect(r.terms.years.branch).toBe(3);
    expect(r.transfer.letter_validity_days_default).toBe(90);
    expect(r.org_structure.branch.min_full_members).toBe(3);
  });

  it('an edited value overrides its default and leaves the others in force', async () => {
    await writeSetting(t.db, RULES_KEY, { transfer: { letter_validity_days_default: 30 } }, null, t.clock());
    const r = await rules(t.sys());
    expect(r.transfer.letter_validity_days_default).toBe(30);
    expect(r.transfer.receipt_required).toBe(true);
    expect(r.terms).toEqual(defaultRules().terms);
  });
});
