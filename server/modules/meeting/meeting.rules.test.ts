import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, MEETING_TYPES, type MeetingType } from '../../../common/meeting.ts';
import { defaultRules } from '../../platform/rules/rules.service.ts';
import { checkRecord, meetingRules, quorum } from './meeting.rules.ts';

const rules = meetingRules(defaultRules());
const filled = (t: MeetingType) => Object.fromEntries(DEFAULT_TEMPLATES[t].sections.map((s) => [s.key, '内容']));
const base = (type: MeetingType, agenda: { kind: string; topicId: string | null; form: string | null; summary: string | null }[]) =>
  checkRecord(
    { type, sections: filled(type), agenda, presentCount: 3, voting: false, votes: [], followUpCount: 1 },
    DEFAULT_TEMPLATES[type],
    rules,
  );

describe('第一议题 rule per meeting type (rule table defaults)', () => {
  const expected: Record<MeetingType, 'block' | 'flag' | 'none'> = {
    committee_meeting: 'block',
    central_group_study: 'block',
    members_assembly: 'flag',
    branch_committee: 'flag',
    group_meeting: 'flag',
    party_lecture: 'flag',
    theme_day: 'none',
    life_meeting: 'none',
    heart_talk: 'none',
  };
  for (const type of MEETING_TYPES) {
    it(`${type}: a record whose item 1 is not a linked 第一议题 is ${expected[type]}`, () => {
      const r = base(type, [{ kind: 'regular', topicId: null, form: null, summary: null }]);
      const where = expected[type] === 'block' ? r.missing : expected[type] === 'flag' ? r.flags : null;
      if (where) expect(where.join()).toContain('第一议题');
      else expect([...r.missing, ...r.flags].join()).not.toContain('第一议题');
      const ok = base(type, [{ kind: 'first_topic', topicId: 'x', form: '原文领学', summary: '学习了讲话精神' }]);
      expect([...ok.missing, ...ok.flags]).toEqual([]);
    });
  }

  it('a linked 第一议题 without form or summary is incomplete', () => {
    const r = base('committee_meeting', [{ kind: 'first_topic', topicId: 'x', form: null, summary: null }]);
    expect(r.missing.join()).toContain('学习形式和过程概况');
  });

  it('a committee meeting 第一议题 without follow-up measures is flagged', () => {
    const r = checkRecord(
      {
        type: 'committee_meeting',
        sections: filled('committee_meeting'),
        agenda: [{ kind: 'first_topic', topicId: 'x', form: '集中学习', summary: '学习' }],
        presentCount: 5,
        voting: false,
        votes: [],
        followUpCount: 0,
      },
      DEFAULT_TEMPLATES.committee_meeting,
      rules,
    );
    expect(r.flags.join()).toContain('落实措施');
  });
});

describe('quorum: more than half of those entitled', () => {
  it.each([
    [5, 2, false, 3],
    [5, 3, true, 3],
    [4, 2, false, 3],
    [4, 3, true, 3],
    [1, 1, true, 1],
    [0, 0, false, 1],
  ])('entitled %i, present %i → met %s (needs %i)', (entitled, present, met, required) => {
    expect(quorum(entitled, present, 0.5)).toEqual({ entitled, present, required, met });
  });
});

describe('主题党日 on the fixed day of the branch (rules.yaml theme_day_off_fixed_day: warn)', () => {
  const rec = (heldDay: number, fixedThemeDay: number | null) =>
    checkRecord(
      {
        type: 'theme_day',
        sections: filled('theme_day'),
        agenda: [],
        presentCount: 2,
        voting: false,
        votes: [],
        followUpCount: 0,
        heldDay,
        fixedThemeDay,
      },
      DEFAULT_TEMPLATES.theme_day,
      rules,
    );
  it('flags, never refuses, a theme day held on another day', () => {
    expect(rec(12, 15)).toEqual({ missing: [], flags: ['主题党日未在本支部固定的每月15日召开'] });
    expect(rec(15, 15)).toEqual({ missing: [], flags: [] });
    expect(rec(12, null)).toEqual({ missing: [], flags: [] });
  });
});

describe('支委会 quorum: more than half of the committee members present', () => {
  const rec = (entitled: number, presentCount: number, resolutions = '') =>
    checkRecord(
      {
        type: 'branch_committee',
        sections: { ...filled('branch_committee'), resolutions },
        agenda: [{ kind: 'first_topic', topicId: 'x', form: '学', summary: '学' }],
        presentCount,
        committeeQuorum: quorum(entitled, presentCount, 0.5),
        voting: false,
        votes: [],
        followUpCount: 0,
      },
      DEFAULT_TEMPLATES.branch_committee,
      rules,
    );
  it('flags a committee meeting at or below half, and refuses one that records a resolution', () => {
    expect(rec(5, 2).flags[0]).toContain('议定事项无效');
    expect(rec(4, 2).flags[0]).toContain('应到4人，实到2人');
    expect(rec(4, 2, '议定').missing).toContain('到会委员未超过半数（应到4人，实到2人），不能形成有效决议');
    expect(rec(5, 3, '议定')).toEqual({ missing: [], flags: [] });
  });
});
