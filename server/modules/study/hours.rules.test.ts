import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../platform/rules/rules.service.ts';
import { accountHours, behindAt, hoursRules, type StudyEntry } from './hours.rules.ts';

const r = hoursRules(defaultRules());
const e = (form: StudyEntry['form'], on: string, minutes: number, span?: StudyEntry['span']): StudyEntry => ({ form, on, minutes, span });

describe('study hours accounting (pure rules)', () => {
  it('reads 32 h for members and 56 h with one centralised training for secretaries and committee members', () => {
    expect([r.memberHours, r.leaderHours, r.leaderMinCentralized]).toEqual([32, 56, 1]);
  });

  it.each([
    ['a full day of training counts 8 hours', [e('centralized_training', '2026-03-02', 0, 'full_day')], 480],
    ['half a day counts 4 hours', [e('centralized_training', '2026-03-02', 0, 'half_day')], 240],
    ['otherwise actual minutes', [e('meeting_study', '2026-03-02', 90)], 90],
    ['a 10-minute team class counts 10 minutes', [e('team_micro_class', '2026-03-02', 10)], 10],
    ['a team class shorter than the minimum counts nothing', [e('team_micro_class', '2026-03-02', 5)], 0],
    [
      'online reading is capped per year',
      Array.from({ length: 20 }, (_, i) => e('online', `2026-04-${String(i + 1).padStart(2, '0')}`, 60)),
      12 * 60,
    ],
    ['study in other years does not count (no carry-over)', [e('self_study', '2025-12-31', 60), e('self_study', '2027-01-01', 60)], 0],
    ['the last day of the year counts', [e('self_study', '2026-12-31', 60)], 60],
  ])('%s', (_name, entries, minutes) => {
    expect(accountHours(entries, r, { year: 2026, leader: false }).totalMinutes).toBe(minutes);
  });

  it('a cap reached earlier in the year leaves later entries of that form uncredited, other forms unaffected', () => {
    const a = accountHours(
      [e('self_study', '2026-01-10', 300), e('self_study', '2026-02-10', 300), e('centralized_training', '2026-02-11', 120)],
      r,
      { year: 2026, leader: false },
    );
    expect(a.byForm.self_study).toBe(8 * 60);
    expect(a.byForm.centralized_training).toBe(120);
    expect(a.cumulative[0]).toBe(300);
    expect(a.cumulative[1]).toBe(8 * 60 + 120);
  });

  it('a secretary needs 56 hours and a centralised training; a member is done at 32', () => {
    const meetings = Array.from({ length: 16 }, (_, i) => e('meeting_study', `2026-${String((i % 12) + 1).padStart(2, '0')}-15`, 120));
    expect(accountHours(meetings, r, { year: 2026, leader: false }).met).toBe(true);
    const sec = accountHours(meetings, r, { year: 2026, leader: true });
    expect(sec.requiredHours).toBe(56);
    expect(sec.met).toBe(false);
    expect(sec.missingCentralized).toBe(true);
    const more = [...meetings, ...Array.from({ length: 3 }, (_, i) => e('centralized_training', `2026-0${i + 5}-01`, 0, 'full_day'))];
    expect(accountHours(more, r, { year: 2026, leader: true })).toMatchObject({
      met: true,
      missingCentralized: false,
      totalMinutes: 56 * 60,
    });
  });

  it('behind pace compares with the even share of the year', () => {
    const a = accountHours([e('meeting_study', '2026-01-20', 180)], r, { year: 2026, leader: false });
    expect(behindAt(a, 1)).toBe(false);
    expect(behindAt(a, 2)).toBe(true);
  });
});
