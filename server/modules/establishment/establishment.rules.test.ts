import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../platform/rules/rules.service.ts';
import { type OrgFacts, orgFindings } from './establishment.rules.ts';

const r = defaultRules();
const base: OrgFacts = {
  type: 'branch',
  joint: false,
  temporary: false,
  since: '2020-01-01',
  unitCount: 1,
  members: 5,
  fullMembers: 5,
  committee: { size: 1, duties: ['secretary'], term: { kind: 'ok', endsOn: '2028-01-01' } },
  today: '2026-03-01',
};
const committee = (size: number) => ({
  size,
  duties: [
    'secretary',
    'deputy_secretary',
    'organization_officer',
    'publicity_officer',
    'discipline_officer',
    'member',
    'member',
    'member',
  ].slice(0, size),
  term: { kind: 'ok' as const, endsOn: '2028-01-01' },
});

const cases: [string, Partial<OrgFacts>, string[]][] = [
  ['a healthy small branch with a secretary', {}, []],
  ['2 full members, not joint → form a joint branch', { members: 3, fullMembers: 2 }, ['warning:FEW_FULL_MEMBERS']],
  ['2 full members in a joint branch is fine', { fullMembers: 2, joint: true, unitCount: 3 }, []],
  ['exactly 3 full members is enough', { fullMembers: 3, members: 3 }, []],
  ['joint branch of 6 units', { joint: true, unitCount: 6 }, ['error:JOINT_TOO_MANY_UNITS']],
  ['joint branch of exactly 5 units', { joint: true, unitCount: 5 }, []],
  ['51 members', { members: 51, fullMembers: 6 }, ['warning:TOO_MANY_MEMBERS']],
  ['exactly 50 members', { members: 50, fullMembers: 6 }, []],
  ['7 full members and no committee at all', { members: 7, fullMembers: 7, committee: null }, ['error:COMMITTEE_REQUIRED']],
  ['7 full members and a secretary only', { members: 7, fullMembers: 7 }, ['error:COMMITTEE_REQUIRED']],
  ['7 full members, committee of 3', { members: 7, fullMembers: 7, committee: committee(3) }, []],
  ['7 full members, committee of 5', { members: 9, fullMembers: 9, committee: committee(5) }, []],
  ['committee of 6 → 3–5 is typical', { members: 20, fullMembers: 20, committee: committee(6) }, ['notice:COMMITTEE_SIZE_TYPICAL']],
  ['committee of 7 → 3–5 is typical', { members: 20, fullMembers: 20, committee: committee(7) }, ['notice:COMMITTEE_SIZE_TYPICAL']],
  ['committee of 8', { members: 20, fullMembers: 20, committee: committee(8) }, ['error:COMMITTEE_SIZE']],
  ['6 full members with secretary and deputy', { members: 6, fullMembers: 6, committee: committee(2) }, []],
  ['6 full members with a 3-person committee', { members: 6, fullMembers: 6, committee: committee(3) }, ['notice:SECRETARY_ONLY']],
  ['temporary branch of 6 months', { temporary: true, since: '2025-09-01' }, ['notice:TEMPORARY_LONG']],
  ['temporary branch of 5 months', { temporary: true, since: '2025-10-02' }, []],
  ['general branch of 40', { type: 'general_branch', members: 40, committee: null }, ['notice:GENERAL_BRANCH_SIZE']],
  ['general branch of 80', { type: 'general_branch', members: 80, committee: null }, []],
  ['general branch of 101', { type: 'general_branch', members: 101, committee: null }, ['notice:GENERAL_BRANCH_SIZE']],
  ['committee of 99 members', { type: 'committee', members: 99, committee: null }, ['notice:COMMITTEE_ORG_SIZE']],
  ['committee of 100 members', { type: 'committee', members: 100, committee: null }, []],
  ['group of 2', { type: 'group', members: 2, fullMembers: 2, committee: null }, ['warning:GROUP_TOO_SMALL']],
  ['group of 3 probationary', { type: 'group', members: 3, fullMembers: 0, committee: null }, ['warning:GROUP_TOO_SMALL']],
  ['group of 3 with one full member', { type: 'group', members: 3, fullMembers: 1, committee: null }, []],
  [
    'overdue term',
    { committee: { ...committee(1), term: { kind: 'overdue', endsOn: '2026-01-01', daysOverdue: 59 } } },
    ['error:TERM_OVERDUE'],
  ],
  ['a committee member has left', { committee: { ...committee(1), departed: 1 } }, ['warning:COMMITTEE_MEMBER_LEFT']],
  ['term due', { committee: { ...committee(1), term: { kind: 'due', endsOn: '2026-05-01', monthsBefore: 3 } } }, ['notice:TERM_DUE']],
  [
    'several at once, most severe first',
    { members: 60, fullMembers: 60, committee: committee(1), temporary: true, since: '2024-01-01' },
    ['error:COMMITTEE_REQUIRED', 'warning:TOO_MANY_MEMBERS', 'notice:TEMPORARY_LONG'],
  ],
];

describe('org establishment rules (domain.md §2.2)', () => {
  it.each(cases)('%s', (_name, facts, expected) => {
    const got = orgFindings({ ...base, ...facts }, r).map((f) => `${f.level}:${f.code}`);
    expect(got).toEqual(expected);
  });

  it('reads its thresholds from the rule table', () => {
    const strict = defaultRules();
    strict.org_structure.branch.max_members_generally = 40;
    const got = orgFindings({ ...base, members: 45, fullMembers: 6 }, strict);
    expect(got[0].message).toBe('党员 45 人，超过 40 人，宜拆分支部或成立党总支');
  });
});
