// B4: import N members from one xlsx through the app (validate, encrypt, blind index, audit), against exceljs
// reading the same file alone; the read is timed before and after the import.
import ExcelJS from 'exceljs';
import { CATEGORY_LABELS, GENDER_LABELS, MEMBER_COLUMNS } from '../../common/member-labels.ts';
import { createPeopleFactory } from '../../server/demo/demo.people.ts';
import { createRng } from '../../server/demo/demo.rng.ts';
import { multipartFile, workbook } from '../../server/modules/member/member.xlsx-kit.ts';
import { rssMb } from '../load.ts';
import type { Target } from './http.ts';
import type { ScenarioResult } from './result.ts';

/** A valid import workbook of `n` fictional people (none already registered) spread over the given 党小组 name paths. */
export async function importWorkbook(n: number, orgRefs: string[], taken: Set<string>): Promise<Buffer> {
  const rng = createRng(4242);
  const person = createPeopleFactory(rng);
  const rows = Array.from({ length: n }, (_, i) => {
    let p = person();
    while (taken.has(p.idNumber)) p = person();
    const probationary = i % 12 === 0;
    const cells: Record<string, string | null> = {
      name: p.name,
      gender: GENDER_LABELS[p.gender],
      ethnicity: p.ethnicity,
      birthDate: p.birthDate,
      idNumber: p.idNumber,
      phone: p.phone,
      education: p.education,
      category: CATEGORY_LABELS[probationary ? 'probationary' : 'full'],
      joinedOn: probationary ? '2026-01-05' : `${Number(p.birthDate.slice(0, 4)) + 24}-07-01`,
      fullMemberOn: probationary ? null : `${Number(p.birthDate.slice(0, 4)) + 25}-07-01`,
      org: orgRefs[i % orgRefs.length],
      position: null,
    };
    return MEMBER_COLUMNS.map((c) => cells[c.key] ?? null);
  });
  return workbook(rows);
}

async function readAlone(data: Buffer): Promise<number> {
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return performance.now() - t0;
}

/** Runs B4 once; errors count a refused import (any non-200) as one. */
export async function b4(t: Target, data: Buffer, rows: number): Promise<ScenarioResult> {
  const before = await readAlone(data);
  const { payload, headers } = multipartFile(data);
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(t.pid));
  }, 100);
  const t0 = performance.now();
  const res = await fetch(`${t.appUrl}/api/members/import`, {
    method: 'POST',
    headers: { ...headers, cookie: t.cookie, 'x-csrf-token': t.csrf },
    body: new Uint8Array(payload),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  clearInterval(timer);
  const after = await readAlone(data);
  if (res.status !== 200) console.error(`B4 import refused: ${res.status} ${text.slice(0, 400)}`);
  const read = (before + after) / 2;
  return {
    id: 'B4',
    db: t.db,
    scale: t.scale,
    rps: (rows / ms) * 1000,
    p50_ms: ms,
    p95_ms: ms,
    p99_ms: ms,
    errors: res.status === 200 ? 0 : 1,
    rss_mb: Math.max(peak, rssMb(t.pid)),
    ceiling_rps: (rows / read) * 1000,
    ratio: read / ms,
    note: `${rows} 行 / rows; rps = rows/s; 单次 / one import ${Math.round(ms)} ms vs read ${Math.round(read)} ms`,
  };
}
