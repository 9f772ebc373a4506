import { describe, expect, it } from 'vitest';
import type { RubricContent } from '../../../common/fivegood.ts';
import { addWorkingDays, eligibility, gradeAssessment, monthsBetween, promotionRate } from './fivegood.rules.ts';
import { defaultRubric } from './rubric.yaml.ts';

const ind = (key: string, points: number) => ({
  key,
  text: `指标${key}`,
  points,
  guidance: '',
  evidence: [],
  source: null,
  sourceKeys: [],
});
/** Five dimensions of 10 points (two indicators of 5); dimension e passes at 0.5 instead of the default 0.8. */
const R: RubricContent = {
  name: '测试细则',
  passRatio: 0.8,
  labels: ['三个好及以下', '三个好及以下', '三个好及以下', '三个好', '四个好', '五个好'],
  eligibility: { minBranchAgeMonths: 12, excludeFlags: [{ key: 'weak_lax_rectifying', label: '软弱涣散整顿中' }] },
  dimensions: ['a', 'b', 'c', 'd', 'e'].map((k) => ({
    key: k,
    name: `维度${k}`,
    passRatio: k === 'e' ? 0.5 : null,
    indicators: [ind(`${k}1`, 5), ind(`${k}2`, 5)],
  })),
  veto: {
    capGradeAt: 3,
    conditions: [
      { key: 'major_accident', text: '重大事故', metric: null, lt: null },
      { key: 'low_satisfaction', text: '满意度低于60%', metric: 'satisfaction_ratio', lt: 0.6 },
    ],
  },
  bonus: {
    maxTotal: 5,
    items: [
      {
        key: 'commendation',
        text: '表彰',
        levels: [
          { key: 'county', label: '县级', points: 1 },
          { key: 'region', label: '自治区级', points: 3 },
        ],
      },
      { key: 'brand', text: '品牌', levels: [{ key: 'x', label: '州级', points: 4 }] },
    ],
  },
  publicityWorkingDays: 5,
};
const all = (v: number) => Object.fromEntries(R.dimensions.flatMap((d) => d.indicators.map((i) => [i.key, v])));

describe('gradeAssessment', () => {
  it.each([
    { name: 'full marks: 五个好', scores: all(5), vetoes: [], sat: 0.9, grade: 5, label: '五个好' },
    { name: 'exactly at the 80% line counts as 好', scores: { ...all(5), a1: 3, a2: 5 }, vetoes: [], sat: null, grade: 5 },
    {
      name: 'just below the line (7.9/10) is not 好',
      scores: { ...all(5), a1: 2.9, a2: 5 },
      vetoes: [],
      sat: null,
      grade: 4,
      label: '四个好',
    },
    {
      name: 'a per-dimension ratio overrides the default (e at 50%)',
      scores: { ...all(5), e1: 5, e2: 0 },
      vetoes: [],
      sat: null,
      grade: 5,
    },
    { name: 'e below its own 50% line', scores: { ...all(5), e1: 4.5, e2: 0 }, vetoes: [], sat: null, grade: 4 },
    { name: 'a declared veto caps 五个好 at 3', scores: all(5), vetoes: ['major_accident'], sat: null, grade: 3, label: '三个好' },
    { name: 'satisfaction below 60% vetoes by itself', scores: all(5), vetoes: [], sat: 0.59, grade: 3 },
    { name: 'satisfaction at exactly 60% does not', scores: all(5), vetoes: [], sat: 0.6, grade: 5 },
    { name: 'a veto never raises a lower grade', scores: { ...all(0), a1: 5, a2: 5 }, vetoes: ['major_accident'], sat: null, grade: 1 },
    { name: 'scores above an indicator’s points are clamped', scores: { ...all(0), a1: 50 }, vetoes: [], sat: null, grade: 0 },
    { name: 'unknown veto keys are ignored', scores: all(5), vetoes: ['nope'], sat: null, grade: 5 },
  ])('$name', ({ scores, vetoes, sat, grade, label }) => {
    const g = gradeAssessment(R, { scores, vetoes, bonus: [], satisfaction: sat });
    expect(g.grade).toBe(grade);
    if (label) expect(g.label).toBe(label);
    expect(g.reasons.length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    { bonus: [{ key: 'commendation', level: 'county' }], expected: 1 },
    {
      bonus: [
        { key: 'commendation', level: 'region' },
        { key: 'brand', level: 'x' },
      ],
      expected: 5,
    },
    { bonus: [{ key: 'commendation', level: 'missing' }], expected: 0 },
  ])('bonus $expected is added to the total only and capped', ({ bonus, expected }) => {
    const g = gradeAssessment(R, { scores: { ...all(5), a1: 0, a2: 0 }, vetoes: [], bonus, satisfaction: null });
    expect(g.bonus).toBe(expected);
    expect(g.total).toBe(40 + expected);
    expect(g.grade).toBe(4);
  });

  it('grades the shipped default rubric: 100 points in five dimensions of 20', () => {
    const d = defaultRubric();
    expect(d.dimensions.map((x) => x.indicators.reduce((s, i) => s + i.points, 0))).toEqual([20, 20, 20, 20, 20]);
    const scores = Object.fromEntries(d.dimensions.flatMap((x) => x.indicators.map((i) => [i.key, i.points])));
    expect(gradeAssessment(d, { scores, vetoes: [], bonus: [], satisfaction: 0.95 }).label).toBe('五个好');
    expect(gradeAssessment(d, { scores, vetoes: ['leader_discipline'], bonus: [], satisfaction: 0.95 }).label).toBe('三个好');
  });
});

describe('eligibility, working days, promotion', () => {
  it.each([
    { foundedOn: '2025-03-01', asOf: '2026-03-01', flags: {}, eligible: true },
    { foundedOn: '2025-03-02', asOf: '2026-03-01', flags: {}, eligible: false },
    { foundedOn: null, asOf: '2026-03-01', flags: {}, eligible: true },
    { foundedOn: '2010-01-01', asOf: '2026-03-01', flags: { weak_lax_rectifying: true }, eligible: false },
  ])('founded $foundedOn, flags $flags → eligible $eligible', ({ foundedOn, asOf, flags, eligible }) => {
    expect(eligibility(R, { foundedOn, flags }, asOf).eligible).toBe(eligible);
  });

  it.each([
    { start: '2026-03-02', n: 5, holidays: [], end: '2026-03-06' },
    { start: '2026-03-06', n: 5, holidays: [], end: '2026-03-12' },
    { start: '2026-03-07', n: 1, holidays: [], end: '2026-03-09' },
    { start: '2026-09-30', n: 5, holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], end: '2026-10-13' },
  ])('$n working days from $start end on $end', ({ start, n, holidays, end }) => {
    expect(addWorkingDays(start, n, holidays)).toBe(end);
  });

  it('counts whole months and the promotion rate of lagging branches only', () => {
    expect(monthsBetween('2025-01-31', '2026-01-30')).toBe(11);
    const prev = new Map([
      ['a', 3],
      ['b', 2],
      ['c', 5],
      ['d', 1],
    ]);
    const curr = new Map([
      ['a', 4],
      ['b', 2],
      ['c', 3],
    ]);
    expect(promotionRate(prev, curr, 3)).toEqual({ base: 2, promoted: 1, ratio: 0.5 });
    expect(promotionRate(new Map(), curr, 3).ratio).toBeNull();
  });
});
