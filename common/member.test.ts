import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from './idcard.ts';
import { addMonths, ETHNICITIES, MemberCreateSchema, memberFactProblems } from './member.ts';

const idArb = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    day: fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2008-12-31T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, day, seq }) => {
    const first17 = `${region}${day.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
    return first17 + idCheckChar(first17);
  });

const idSchema = MemberCreateSchema.shape.idNumber;

describe('公民身份号码 (GB 11643)', () => {
  it('accepts every generated valid number', () => {
    fc.assert(fc.property(idArb, (id) => idSchema.safeParse(id).success));
  });

  it('rejects every single-digit mutation', () => {
    fc.assert(
      fc.property(idArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, pos, delta) => {
        const alphabet = pos === 17 ? '0123456789X' : '0123456789';
        const i = alphabet.indexOf(id[pos]);
        const replacement = alphabet[(i + delta) % alphabet.length];
        if (replacement === id[pos]) return true;
        const mutated = id.slice(0, pos) + replacement + id.slice(pos + 1);
        return !idSchema.safeParse(mutated).success;
      }),
    );
  });
});

describe('member cross-field rules', () => {
  it.each([
    [{ category: 'full' as const, fullMemberOn: null }, 'fullMemberOn'],
    [{ category: 'probationary' as const, fullMemberOn: '2020-01-01' }, 'fullMemberOn'],
    [{ birthDate: '2000-01-01', joinedOn: '2017-12-31' }, 'joinedOn'],
    [{ joinedOn: '2020-01-01', fullMemberOn: '2019-12-31', category: 'full' as const }, 'fullMemberOn'],
  ])('%o → problem on %s', (facts, field) => {
    expect(memberFactProblems(facts).map((p) => p.field)).toContain(field);
  });

  it('adds months clamped to the month end', () => {
    expect(addMonths('2025-02-28', 12)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
  });

  it('lists the 56 ethnic groups', () => {
    expect(new Set(ETHNICITIES).size).toBe(56);
  });
});
