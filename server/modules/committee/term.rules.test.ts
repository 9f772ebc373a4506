import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../platform/rules/rules.service.ts';
import { addDays, addMonths, electionQuorumProblem, postponementProblem, reminderMonths, termState, termYears } from './term.rules.ts';

const r = defaultRules();

describe('term rules (domain.md §2.2)', () => {
  it.each([
    ['2023-05-10', 36, '2026-05-10'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -6, '2025-07-15'],
  ])('%s + %i months = %s', (d, m, want) => expect(addMonths(d, m)).toBe(want));

  it('adds days across a month end', () => expect(addDays('2026-01-30', 90)).toBe('2026-04-30'));

  it('an enterprise branch term is 3 years from the rule table', () => {
    expect(termYears(r, 'branch')).toBe(3);
    expect(termYears(r, 'committee')).toBe(3);
  });

  const end = '2026-09-01';
  it.each([
    ['2026-02-28', 'ok'],
    ['2026-03-01', 'due:6'],
    ['2026-05-31', 'due:6'],
    ['2026-06-01', 'due:3'],
    ['2026-08-01', 'due:1'],
    ['2026-09-01', 'due:1'],
    ['2026-09-02', 'overdue:1'],
  ])('on %s the term ending %s is %s', (today, want) => {
    const s = termState(end, today, reminderMonths(r));
    expect(s.kind === 'due' ? `due:${s.monthsBefore}` : s.kind === 'overdue' ? `overdue:${s.daysOverdue}` : s.kind).toBe(want);
  });

  it.each([
    ['2027-09-01', null],
    ['2026-12-01', null],
    ['2027-09-02', '换届延期一般不超过 1 年，延期后的届满日期最晚为 2027-09-01'],
    ['2026-09-01', '延期后的届满日期应晚于原届满日期 2026-09-01'],
  ])('postponing to %s → %s', (newEnd, want) => expect(postponementProblem(end, newEnd, r)).toBe(want));

  it.each([
    [10, 9, true],
    [10, 8, false],
    [5, 5, true],
    [5, 4, false],
  ])('election with %i entitled and %i present is valid: %s', (entitled, present, ok) =>
    expect(electionQuorumProblem(r, entitled, present) === null).toBe(ok),
  );
});
