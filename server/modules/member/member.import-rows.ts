import { idNumberProblem, isMobilePhone } from '../../../common/idcard.ts';
import {
  CATEGORY_LABELS,
  EDUCATIONS,
  ETHNICITIES,
  GENDER_LABELS,
  type Gender,
  MEMBER_COLUMNS,
  type MemberCategory,
  memberFactProblems,
  memberName,
} from '../../../common/member.ts';
import { conversionProblem } from './member.rules.ts';
import type { ImportError, RawCell, RawRow } from './member.xlsx.ts';

export type ValidRow = {
  row: number;
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: string;
  idNumber: string;
  phone: string | null;
  education: string | null;
  category: MemberCategory;
  joinedOn: string;
  fullMemberOn: string | null;
  orgRef: string;
  position: string | null;
};

/** What the database checks need from every row, valid or not: its org reference and a well-formed ID number. */
export type RowRef = { row: number; orgRef: string; idNumber: string | null };

const HEADER = Object.fromEntries(MEMBER_COLUMNS.map((c) => [c.key, c.header])) as Record<(typeof MEMBER_COLUMNS)[number]['key'], string>;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Excel date, serial number or `YYYY-MM-DD` (also `/` or `.`) text → YYYY-MM-DD, or null when unreadable. */
export function readDate(v: RawCell): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    if (v < 1 || v > 2_958_465) return null;
    return new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

const text = (v: RawCell) => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());

/**
 * Validates every cell of every row (no database): each problem becomes one error naming the Excel row and the
 * column header. Messages never repeat an ID or phone number.
 */
export function validateRows(
  rows: RawRow[],
  today: string,
  probationMonths: number,
): { valid: ValidRow[]; refs: RowRef[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const valid: ValidRow[] = [];
  const refs: RowRef[] = [];
  for (const { row, cells } of rows) {
    const err = (key: keyof typeof HEADER, message: string) => errors.push({ row, column: HEADER[key], message });
    const before = errors.length;
    const req = (key: keyof typeof HEADER) => {
      const t = text(cells[key]);
      if (!t) err(key, `请填写${HEADER[key]}`);
      return t;
    };
    const name = req('name');
    if (name && !memberName.safeParse(name).success) err('name', '姓名应为 2 至 30 个汉字或字母，不能以公式或符号开头');
    const genderText = req('gender');
    const gender = (Object.entries(GENDER_LABELS).find(([, l]) => l === genderText)?.[0] ?? null) as Gender | null;
    if (genderText && !gender) err('gender', '性别应填 男 或 女');
    const ethText = req('ethnicity');
    const ethnicity = (ETHNICITIES as readonly string[]).includes(ethText)
      ? ethText
      : (ETHNICITIES as readonly string[]).includes(`${ethText}族`)
        ? `${ethText}族`
        : null;
    if (ethText && !ethnicity) err('ethnicity', '民族应为 56 个民族之一的全称，如 汉族、回族');
    const date = (key: 'birthDate' | 'joinedOn' | 'fullMemberOn', required: boolean) => {
      if (cells[key] === null) {
        if (required) err(key, `请填写${HEADER[key]}`);
        return null;
      }
      const d = readDate(cells[key]);
      if (!d) err(key, `${HEADER[key]}无法识别，请填写日期或 YYYY-MM-DD 格式的文本`);
      else if (d > today) err(key, `${HEADER[key]}不能晚于今天`);
      return d;
    };
    const birthDate = date('birthDate', true);
    let idNumber = '';
    if (typeof cells.idNumber === 'number') err('idNumber', '公民身份号码被存成了数字（末位会丢失），请把该列设为文本格式后重新填写');
    else {
      idNumber = req('idNumber').toUpperCase();
      const p = idNumber ? idNumberProblem(idNumber) : null;
      if (p) err('idNumber', p);
    }
    const phone = text(cells.phone) || null;
    if (phone && !isMobilePhone(phone)) err('phone', '手机号码应为 11 位大陆手机号');
    const education = text(cells.education) || null;
    if (education && !(EDUCATIONS as readonly string[]).includes(education)) err('education', `学历应为：${EDUCATIONS.join('、')}`);
    const catText = req('category');
    const category = (Object.entries(CATEGORY_LABELS).find(([, l]) => l === catText)?.[0] ?? null) as MemberCategory | null;
    if (catText && !category) err('category', '人员类别应填 正式党员 或 预备党员');
    const joinedOn = date('joinedOn', true);
    const fullMemberOn = date('fullMemberOn', false);
    const orgRef = req('org');
    const position = text(cells.position) || null;
    if (position && position.length > 30) err('position', '党内职务不能超过 30 个字');
    // an unreadable 转正日期 is already reported; the category rule would only repeat it
    const fmBad = cells.fullMemberOn !== null && !fullMemberOn;
    const facts = {
      idNumber: idNumber && !idNumberProblem(idNumber) ? idNumber : undefined,
      birthDate: birthDate ?? undefined,
      gender: gender ?? undefined,
      category: fmBad ? undefined : (category ?? undefined),
      joinedOn: joinedOn ?? undefined,
      fullMemberOn: fmBad ? undefined : fullMemberOn,
    };
    for (const p of memberFactProblems(facts)) err(p.field as keyof typeof HEADER, p.message);
    const early = conversionProblem(facts, probationMonths);
    if (early) err(early.field, early.message);
    refs.push({ row, orgRef, idNumber: idNumber && !idNumberProblem(idNumber) ? idNumber : null });
    if (errors.length === before) {
      valid.push({
        row,
        name,
        gender: gender!,
        ethnicity: ethnicity!,
        birthDate: birthDate!,
        idNumber,
        phone,
        education,
        category: category!,
        joinedOn: joinedOn!,
        fullMemberOn,
        orgRef,
        position,
      });
    }
  }
  return { valid, refs, errors };
}
