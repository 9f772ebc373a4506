import {
  CATEGORY_LABELS,
  ETHNICITIES,
  futureDateProblems,
  GENDER_LABELS,
  MEMBER_COLUMNS,
  type MemberCreate,
  MemberFieldsSchema,
  memberFactProblems,
} from '../../../common/member.ts';
import { conversionProblem } from './member.rules.ts';
import type { ImportError, RawCell, RawRow } from './member.xlsx.ts';

type Fields = Omit<MemberCreate, 'orgId'>;
export type ValidRow = Omit<Fields, 'phone' | 'education' | 'fullMemberOn' | 'position'> & {
  row: number;
  phone: string | null;
  education: string | null;
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

type Key = keyof Fields;
const FIELD = MemberFieldsSchema.shape;
/** Columns whose cells hold a label of an enum: the label list is the whole choice. */
const LABELLED: Partial<Record<Key, Record<string, string>>> = { gender: GENDER_LABELS, category: CATEGORY_LABELS };
const DATES: readonly Key[] = ['birthDate', 'joinedOn', 'fullMemberOn'];

/**
 * A cell as the member schema's input: labels to their codes, Excel dates to YYYY-MM-DD, 汉 to 汉族; null when
 * empty. Only reading here: what a value may be is the member schema's rule (`common/member.ts`).
 */
function readCell(key: Key, v: RawCell): { value: string | null } | { problem: string } {
  const header = HEADER[key];
  if (v === null || text(v) === '') return { value: null };
  if (typeof v === 'string' && v.startsWith('=')) return { problem: `${header}不能填写公式，请直接填写内容` };
  if (key === 'idNumber' && typeof v === 'number')
    return { problem: '公民身份号码被存成了数字（末位会丢失），请把该列设为文本格式后重新填写' };
  if (DATES.includes(key)) {
    const d = readDate(v);
    return d ? { value: d } : { problem: `${header}无法识别，请填写日期或 YYYY-MM-DD 格式的文本` };
  }
  const t = text(v);
  const labels = LABELLED[key];
  if (labels) {
    const code = Object.entries(labels).find(([, l]) => l === t)?.[0];
    return code ? { value: code } : { problem: `${header}应填 ${Object.values(labels).join(' 或 ')}` };
  }
  if (key === 'ethnicity' && !(ETHNICITIES as readonly string[]).includes(t) && (ETHNICITIES as readonly string[]).includes(`${t}族`))
    return { value: `${t}族` };
  return { value: t };
}

/**
 * Validates every cell of every row with the member schema (no database): each problem becomes one error naming
 * the Excel row and the column header. Messages never repeat an ID or phone number.
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
    const ok: Partial<Record<Key, unknown>> = {};
    for (const key of Object.keys(FIELD).filter((k) => k !== 'orgId') as Key[]) {
      const cell = readCell(key, cells[key]);
      if ('problem' in cell) {
        err(key, cell.problem);
        continue;
      }
      const parsed = FIELD[key].safeParse(cell.value ?? undefined);
      if (parsed.success) ok[key] = parsed.data ?? null;
      else err(key, cell.value === null ? `请填写${HEADER[key]}` : parsed.error.issues[0].message);
    }
    const orgRef = text(cells.org);
    if (!orgRef) err('org', `请填写${HEADER.org}`);
    // cross-field rules over the cells that passed (an unreadable 转正日期 is already reported: the category
    // rule would only repeat it)
    const f = ok as Partial<Fields>;
    const fmBad = cells.fullMemberOn !== null && !('fullMemberOn' in ok);
    const facts = { ...f, category: fmBad ? undefined : f.category, fullMemberOn: fmBad ? undefined : (f.fullMemberOn ?? null) };
    for (const p of [...futureDateProblems(f, today), ...memberFactProblems(facts)]) err(p.field, p.message);
    const early = conversionProblem(facts, probationMonths);
    if (early) err(early.field, early.message);
    refs.push({ row, orgRef, idNumber: f.idNumber ?? null });
    if (errors.length === before)
      valid.push({
        ...(f as Fields),
        row,
        orgRef,
        phone: f.phone ?? null,
        education: f.education ?? null,
        fullMemberOn: f.fullMemberOn ?? null,
        position: f.position ?? null,
      });
  }
  return { valid, refs, errors };
}
