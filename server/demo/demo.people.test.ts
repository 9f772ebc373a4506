import { describe, expect, it } from 'vitest';
import { idNumberFacts, idNumberProblem, isMobilePhone } from '../../common/idcard.ts';
import { createPeopleFactory } from './demo.people.ts';
import { createRng } from './demo.rng.ts';

const people = (seed: number, n: number) => {
  const person = createPeopleFactory(createRng(seed));
  return Array.from({ length: n }, () => person());
};

describe('demo people', () => {
  it('are the same for the same seed and different for another', () => {
    expect(people(7, 50)).toEqual(people(7, 50));
    expect(people(8, 50)).not.toEqual(people(7, 50));
  });

  it('have unique, valid Changji ID numbers matching birth date and gender, and unique test-range phones', () => {
    const list = people(1, 3000);
    expect(new Set(list.map((p) => p.idNumber)).size).toBe(list.length);
    const phones = list.flatMap((p) => (p.phone ? [p.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of list) {
      expect(idNumberProblem(p.idNumber)).toBeNull();
      expect(p.idNumber.slice(0, 4)).toBe('6523');
      expect(idNumberFacts(p.idNumber)).toEqual({ birthDate: p.birthDate, gender: p.gender });
      expect(p.birthDate >= '1965-01-01' && p.birthDate <= '2000-12-31').toBe(true);
      if (p.phone) expect(isMobilePhone(p.phone) && p.phone.startsWith('13800')).toBe(true);
      expect(p.name).not.toBe('刘志青');
    }
  });
});
