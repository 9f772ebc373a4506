import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import { ORG_TYPE_LABELS } from '../../../common/access.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { escapeLike, scopeWhere } from '../../platform/access/scope.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { chineseDate, docTitle, heading, kvTable, para, table, toBuffer } from '../../platform/export/docx.ts';
import type { XlsxColumn, XlsxRow } from '../../platform/export/xlsx.ts';
import { maskPhone } from '../../platform/pii/pii.ts';
import { loadOrgInScope } from './org.service.ts';

const STATUS_LABELS = { active: '正常', dissolved: '已撤销' } as const;

// party members in the org's whole subtree, and its direct active child orgs
const subtreeMembers = sql<number>`(select count(*)::int from members m join orgs s on s.id = m.org_id
  where starts_with(s.path, "orgs"."path") and m.status = 'active')`;
const childCount = sql<number>`(select count(*)::int from orgs c where c.parent_id = "orgs"."id" and c.status = 'active')`;
const parentName = sql<string | null>`(select p.name from orgs p where p.id = "orgs"."parent_id")`;

export const ORG_EXPORT_COLUMNS: XlsxColumn[] = [
  { header: '名称', key: 'name', width: 36 },
  { header: '类别', key: 'type', width: 10 },
  { header: '上级组织', key: 'parent', width: 30 },
  { header: '单位名称', key: 'unitName', width: 30 },
  { header: '成立日期', key: 'foundedOn', width: 12 },
  { header: '党员数', key: 'memberCount', width: 10 },
  { header: '下级组织数', key: 'childCount', width: 12 },
  { header: '联系人', key: 'contactName', width: 12 },
  { header: '联系电话', key: 'contactPhone', width: 16, pii: 'phone' },
  { header: '状态', key: 'status', width: 10 },
];

/** The rows of 党组织名册: active orgs in the caller's read scope, tree-ordered; `q` matches names. */
export async function orgExportRows(ctx: Ctx, q: { q?: string }): Promise<XlsxRow[]> {
  const rows = await ctx.db
    .select({ o: orgs, memberCount: subtreeMembers, childCount, parent: parentName })
    .from(orgs)
    .where(
      and(
        scopeWhere(ctx.actor, 'org:read', orgs.path),
        eq(orgs.status, 'active'),
        q.q ? ilike(orgs.name, `%${escapeLike(q.q)}%`) : undefined,
      ),
    )
    .orderBy(asc(orgs.depth), asc(orgs.sortOrder), asc(orgs.name));
  return rows.map(({ o, ...c }) => ({
    name: o.name,
    type: ORG_TYPE_LABELS[o.type],
    parent: c.parent,
    unitName: o.unitName,
    foundedOn: o.foundedOn,
    memberCount: Number(c.memberCount),
    childCount: Number(c.childCount),
    contactName: o.contactName,
    contactPhone: o.contactPhone,
    status: STATUS_LABELS[o.status],
  }));
}

export const orgExportFileName = (ctx: Ctx) => `党组织名册_${cstDate(ctx.now)}.xlsx`;

/** 党组织基本情况表 of one org (404 out of scope) as a Word document. */
export async function orgReport(ctx: Ctx, id: string): Promise<{ fileName: string; data: Buffer; org: { id: string; path: string } }> {
  const o = await loadOrgInScope(ctx, id);
  const [c] = await ctx.db.select({ memberCount: subtreeMembers, childCount, parent: parentName }).from(orgs).where(eq(orgs.id, id));
  const children = await ctx.db
    .select({ name: orgs.name, type: orgs.type, memberCount: subtreeMembers, childCount })
    .from(orgs)
    .where(and(eq(orgs.parentId, id), eq(orgs.status, 'active')))
    .orderBy(asc(orgs.sortOrder), asc(orgs.name));
  const data = await toBuffer(
    [
      docTitle('党组织基本情况表'),
      kvTable([
        ['组织名称', o.name],
        ['组织类别', ORG_TYPE_LABELS[o.type]],
        ['上级组织', c.parent ?? '（无）'],
        ['单位名称', o.unitName],
        ['成立日期', o.foundedOn],
        ['状态', STATUS_LABELS[o.status]],
        ['党员数', Number(c.memberCount)],
        ['下级组织数', Number(c.childCount)],
        ['联系人', o.contactName],
        ['联系电话', o.contactPhone ? maskPhone(o.contactPhone) : null],
      ]),
      heading('下级组织'),
      children.length
        ? table(
            ['序号', '名称', '类别', '党员数', '下级组织数'],
            children.map((ch, i) => [i + 1, ch.name, ORG_TYPE_LABELS[ch.type], Number(ch.memberCount), Number(ch.childCount)]),
          )
        : para('无下级组织。'),
      para(`制表日期：${chineseDate(ctx.now)}`, { indent: false, align: 'right' }),
    ],
    { title: `${o.name}基本情况表` },
  );
  return { fileName: `${o.name}_基本情况表.docx`, data, org: { id: o.id, path: o.path } };
}
