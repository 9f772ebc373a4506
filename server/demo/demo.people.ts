import { idCheckChar } from '../../common/idcard.ts';
import type { ETHNICITIES as ALL_ETHNICITIES, EDUCATIONS } from '../../common/member.ts';
import type { Rng } from '../platform/seed.ts';
import { ETHNICITIES, personName } from './demo.names.ts';

/** A fictional person before encryption: plain ID number and mobile number live only in memory. */
export type DemoPerson = {
  name: string;
  gender: 'male' | 'female';
  ethnicity: (typeof ALL_ETHNICITIES)[number];
  birthDate: string;
  idNumber: string;
  phone: string | null;
  education: Education;
};

type Education = (typeof EDUCATIONS)[number];

/** County-level region codes of 昌吉回族自治州 (GB/T 2260). */
const CHANGJI_REGIONS = ['652301', '652302', '652323', '652324', '652325', '652327', '652328'];

/** 学历 of an SOE workforce, in the national system's terms. */
const EDUCATION: readonly (readonly [Education, number])[] = [
  ['硕士研究生', 5],
  ['大学本科', 42],
  ['大学专科', 30],
  ['中等专科', 10],
  ['技工学校', 3],
  ['普通高中', 7],
  ['初中', 3],
];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Generates unique, valid people: GB 11643 ID numbers of Changji, mobile numbers in the 13800000000–13800999999 test range. */
export function createPeopleFactory(rng: Rng) {
  const ids = new Set<string>();
  const phones = new Set<string>();

  function idNumber(birth: string, gender: 'male' | 'female'): string {
    for (;;) {
      const seq = rng.int(0, 99) * 10 + (gender === 'male' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
      const first17 = `${rng.pick(CHANGJI_REGIONS)}${birth.replaceAll('-', '')}${pad(seq, 3)}`;
      const id = first17 + idCheckChar(first17);
      if (!ids.has(id)) {
        ids.add(id);
        return id;
      }
    }
  }

  function phone(): string {
    for (;;) {
      const p = `13800${pad(rng.int(0, 999_999), 6)}`;
      if (!phones.has(p)) {
        phones.add(p);
        return p;
      }
    }
  }

  /** A person born in [fromYear, toYear]. */
  return function person(fromYear = 1965, toYear = 2000): DemoPerson {
    const gender = rng.chance(0.62) ? 'male' : 'female';
    const ethnicity = rng.weighted(ETHNICITIES);
    const y = rng.int(fromYear, toYear);
    const m = rng.int(1, 12);
    const d = rng.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
    const birthDate = `${y}-${pad(m)}-${pad(d)}`;
    return {
      name: personName(rng, ethnicity, gender),
      gender,
      ethnicity,
      birthDate,
      idNumber: idNumber(birthDate, gender),
      phone: rng.chance(0.92) ? phone() : null,
      education: rng.weighted(EDUCATION),
    };
  };
}
