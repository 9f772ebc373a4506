import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../platform/rules/rules.service.ts';
import { evaluateBranches, type Unit } from './cockpit.compliance.ts';

const months = (held: Record<number, number>) => Array.from({ length: 12 }, (_, i) => held[i + 1] ?? 0);
const branch = (o: Partial<Unit> = {}): Unit => ({
  id: 'b',
  parentId: 'e',
  type: 'branch',
  path: '/r/e/b/',
  attributes: {},
  foundedOn: null,
  fullMembers: 5,
  counts: {},
  ...o,
});
const group = (counts: Record<string, number[]>): Unit => ({
  ...branch({ counts }),
  id: 'g',
  parentId: 'b',
  type: 'group',
  path: '/r/e/b/g/',
});
const at = (iso: string) => new Date(iso);
const QUARTERLY = { members_assembly: months({ 2: 1, 5: 1, 8: 1, 11: 1 }), party_lecture: months({ 3: 1, 6: 1, 9: 1, 12: 1 }) };

describe('三会一课 compliance of a branch so far in the year (rules.yaml defaults)', () => {
  const r = defaultRules();
  it.each([
    ['nothing has closed on 1 January', [branch()], '2026-01-01T08:00:00+08:00', { due: false, met: true }],
    ['Q1 closed without a 党员大会', [branch()], '2026-04-02T08:00:00+08:00', { due: true, met: false }],
    [
      '党员大会 and 党课 every quarter, no committee',
      [branch({ counts: QUARTERLY })],
      '2026-12-31T08:00:00+08:00',
      { due: true, met: true },
    ],
    [
      '≥7 full members: 支委会 monthly too',
      [branch({ fullMembers: 7, counts: QUARTERLY })],
      '2026-12-31T08:00:00+08:00',
      { due: true, met: false },
    ],
    [
      'a committee set on the org overrides the count',
      [branch({ fullMembers: 9, attributes: { hasCommittee: false }, counts: QUARTERLY })],
      '2026-12-31T08:00:00+08:00',
      { due: true, met: true },
    ],
    [
      'a 党小组 that missed February fails its branch',
      [branch({ counts: QUARTERLY }), group({ group_meeting: months({ 1: 1, 3: 1 }) })],
      '2026-04-02T08:00:00+08:00',
      { due: true, met: false },
    ],
    [
      'periods closed before the branch was founded are not due',
      [branch({ foundedOn: '2026-07-01', counts: { members_assembly: months({ 8: 1 }), party_lecture: months({ 9: 1 }) } })],
      '2026-10-02T08:00:00+08:00',
      { due: true, met: true },
    ],
  ] as const)('%s', (_name, units, now, expected) => {
    const [b] = evaluateBranches([...units], r, 2026, at(now));
    expect({ due: b.due, met: b.met }).toEqual(expected);
  });
});
