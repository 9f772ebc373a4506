import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from '../../../common/security-policy.ts';
import { normalizeUsername, passwordProblem } from './password.rules.ts';

const check = (pw: string, username = 'lisi', isAdmin = false) =>
  passwordProblem(pw, { username, isAdmin, policy: DEFAULT_SECURITY_POLICY });

describe('password rules (table)', () => {
  it.each([
    ['Ab#1234', null, false, '口令长度至少 8 位'],
    ['Ab#12345', null, false, null],
    ['Ab#12345xyz', null, true, '口令长度至少 12 位'],
    ['Ab#12345xyzw', null, true, null],
    ['abcdefgh', null, false, '至少 3 类'],
    ['abcd1234', null, false, '至少 3 类'],
    ['moon#river7', null, false, null],
    ['Dangjian#2026', null, false, '过于常见'],
    ['红旗渠abc123', null, false, null],
    ['Lisi#2026ok', 'lisi', false, '不能包含用户名'],
    ['LISI#2026ok', 'Lisi', false, '不能包含用户名'],
    ['Qwerty123!', null, false, '过于常见'],
    ['Changji2025!', null, false, '过于常见'],
    ['Welcome#2026', null, false, '过于常见'],
    [`${'Ab1#'.repeat(32)}`, null, false, null],
    [`${'Ab1#'.repeat(32)}x`, null, false, '不能超过 128 位'],
  ] as const)('%s', (pw, username, isAdmin, problem) => {
    const got = check(pw, username ?? 'wangwu', isAdmin);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });

  it('checks the password exactly as typed: surrounding spaces count and are kept', () => {
    expect(check(' Ab#1234')).toBeNull();
    expect(check('Ab#1234 ')).toBeNull();
  });

  it.each([
    ['Zhang', 'zhang'],
    ['ＺＨＡＮＧ', 'zhang'],
    ['  zhang  ', 'zhang'],
    ['Ｗａｎｇ．Ｆａｎｇ', 'wang.fang'],
  ])('normalises the username %s to %s', (input, norm) => {
    expect(normalizeUsername(input)).toBe(norm);
  });
});
