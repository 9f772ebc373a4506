import { describe, expect, it } from 'vitest';
import { scoreAttempt } from './quiz.rules.ts';

const keys = [
  { id: 'single', answer: [2] },
  { id: 'multi', answer: [0, 2, 3] },
  { id: 'judge', answer: [0] },
  { id: 'unanswered', answer: [1] },
];

describe('quiz scoring', () => {
  it.each([
    ['all right, multiple choice in any order', { single: [2], multi: [3, 0, 2], judge: [0], unanswered: [1] }, 4, 100],
    ['a missing option makes a multiple-choice question wrong', { single: [2], multi: [0, 2], judge: [0], unanswered: [1] }, 3, 75],
    ['an extra option makes it wrong too', { single: [2], multi: [0, 1, 2, 3], judge: [0], unanswered: [1] }, 3, 75],
    ['unanswered questions are wrong', { single: [2] }, 1, 25],
    ['duplicates in an answer are ignored', { single: [2, 2], multi: [0, 2, 3, 3] }, 2, 50],
    ['nothing answered scores 0', {}, 0, 0],
  ])('%s', (_n, answers, correct, score) => {
    const r = scoreAttempt(keys, answers);
    expect([r.correct, r.score, r.total]).toEqual([correct, score, 4]);
  });

  it('rounds to whole points', () => {
    expect(scoreAttempt(keys.slice(0, 3), { single: [2] }).score).toBe(33);
  });
});
