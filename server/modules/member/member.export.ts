import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { CATEGORY_LABELS, GENDER_LABELS, MEMBER_COLUMNS } from '../../../common/member.ts';
import { inScope, scopePaths } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import type { XlsxRow, XlsxSpec } from '../../platform/export/xlsx.ts';
import { decryptPii } from '../../platform/pii/pii.ts';
import { memberFilter } from './member.list.ts';
import type { MemberListQueryT } from './member.schema.ts';
import { members } from './member.table.ts';
import { hourlyLimit } from './member.unmask.ts';

export const EXPORTS_PER_HOUR = 10;
const PAGE = 1000;

export type MemberExportQuery = Omit<MemberListQueryT, 'page' | 'pageSize' | 'sort' | 'order'> & { unmask?: '0' | '1' };

/** Full name paths ("州国资委党委/…/某支部") of every org, so an exported file re-imports anywhere in scope. */
async function orgFullNames(ctx: Ctx): Promise<(path: string) => string> {
  const all = await ctx.db.select({ id: orgs.id, name: orgs.name }).from(orgs);
  const nameOf = new Map(all.map((o) => [o.id, o.name]));
  return (path) =>
    path
      .split('/')
      .filter(Boolean)
      .map((id) => nameOf.get(id) ?? '')
      .join('/');
}

/**
 * Prepares a roster export of the current filter: the contract's columns, masked unless the caller holds
 * `pii:export` over the whole filtered scope and asks for `unmask=1`; 10 exports per hour per user.
 */
export async function prepareMemberExport(ctx: Ctx, q: MemberExportQuery) {
  const unmask = q.unmask === '1';
  const { unmask: _u, ...filter } = q;
  const where = await memberFilter(ctx, filter);
  if (unmask) {
    const [o] = q.orgId ? await ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, q.orgId)) : [];
    const reach = o ? [o.path] : scopePaths(ctx.actor, 'member:read');
    if (!reach.every((p) => inScope(ctx.actor, 'pii:export', p))) throw forbidden('您没有导出完整个人信息的权限，请导出脱敏名册');
  }
  await hourlyLimit(ctx, 'export', EXPORTS_PER_HOUR, '导出党员名册', 'member');
  const [{ n }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(where);
  const fullName = await orgFullNames(ctx);
  const keys = ctx.env.keys;

  async function* rows(): AsyncGenerator<XlsxRow> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await ctx.db
        .select({ m: members, path: orgs.path })
        .from(members)
        .innerJoin(orgs, eq(orgs.id, members.orgId))
        .where(and(where, gt(members.id, after)))
        .orderBy(asc(members.id))
        .limit(PAGE);
      for (const { m, path } of page) {
        yield {
          name: m.name,
          gender: GENDER_LABELS[m.gender],
          ethnicity: m.ethnicity,
          birthDate: m.birthDate,
          idNumber: unmask ? decryptPii(keys, m.idNumberEnc) : m.idNumberMasked,
          phone: m.phoneEnc ? (unmask ? decryptPii(keys, m.phoneEnc) : m.phoneMasked) : null,
          education: m.education,
          category: CATEGORY_LABELS[m.category],
          joinedOn: m.joinedOn,
          fullMemberOn: m.fullMemberOn,
          org: fullName(path),
          position: m.position,
        };
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1].m.id;
    }
  }

  const spec: XlsxSpec = {
    sheetName: '党员信息',
    columns: MEMBER_COLUMNS.map((c) => ({
      header: c.header,
      key: c.key,
      ...(c.key === 'idNumber' ? { pii: 'id' as const, width: 22 } : c.key === 'phone' ? { pii: 'phone' as const, width: 14 } : {}),
      ...(c.key === 'org' ? { width: 40 } : {}),
    })),
    unmask,
  };
  return {
    fileName: `党员名册_${cstDate(ctx.now)}.xlsx`,
    spec,
    rows: rows(),
    audit: { kind: 'member', orgId: q.orgId ?? null, rowCount: n, detail: { filter } },
  };
}
