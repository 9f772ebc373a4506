import type { Ctx } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { blank, docTitle, heading, kvTable, para, toBuffer } from '../../platform/export/docx.ts';
import { letterFacts } from './transfer.out.ts';
import { loadTransfer } from './transfer-read.service.ts';

const cn = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return day ? `${y}年${m}月${day}日` : `${y}年${m}月`;
};

function age(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** 中国共产党党员组织关系介绍信 (with its 回执) as docx: 党费交至 YYYY-MM and 有效期至 from the rule table. */
export async function transferLetter(
  ctx: Ctx,
  id: string,
): Promise<{ fileName: string; buf: Buffer; orgId: string | null; orgPath: string | null }> {
  const r = await loadTransfer(ctx, id);
  const t = r.t;
  if (t.kind !== 'out' || !t.issuedOn || !t.validUntil || !t.duesPaidUntil) throw invalid('只有转出系统外的转接有组织关系介绍信');
  const f = await letterFacts(ctx, t.memberId);
  const from = r.fromName ?? '';
  const to = t.externalOrgName ?? '';
  const days = Math.round((Date.parse(t.validUntil) - Date.parse(t.issuedOn)) / 86_400_000);
  const category = f.category === 'full' ? '正式' : '预备';
  const blocks = [
    docTitle('中国共产党党员组织关系介绍信'),
    para(`第 ${t.letterNo} 号`, { indent: false, align: 'right' }),
    para(`${to}：`, { indent: false }),
    para(
      `${f.name}同志（${f.gender}，${age(f.birthDate, t.issuedOn)}岁，${f.ethnicity}，中共${category}党员，公民身份号码 ${f.idMasked}），由${from}转到${to}，请接转组织关系。该同志党费已交到${cn(t.duesPaidUntil)}。`,
    ),
    para(`（有效期 ${days} 天，至${cn(t.validUntil)}）`),
    blank(),
    kvTable(
      [
        ['党员姓名', f.name],
        ['人员类别', `${category}党员`],
        ['转出党组织', from],
        ['接收党组织', to],
        ['党费交至', t.duesPaidUntil],
        ['有效期至', t.validUntil],
        ['开具日期', t.issuedOn],
        ['介绍信编号', t.letterNo],
      ],
      2,
    ),
    blank(),
    para(from, { indent: false, align: 'right' }),
    para(cn(t.issuedOn), { indent: false, align: 'right' }),
    blank(),
    heading('回执'),
    para(`${from}：`, { indent: false }),
    para(`${f.name}同志的党员组织关系已转达我处，特此回复。`),
    blank(),
    para('接收党组织（盖章）', { indent: false, align: 'right' }),
    para('年    月    日', { indent: false, align: 'right' }),
  ];
  const buf = await toBuffer(blocks, { title: '党员组织关系介绍信' });
  return { fileName: `组织关系介绍信-${f.name}-${t.letterNo}.docx`, buf, orgId: t.fromOrgId, orgPath: r.fromPath };
}
