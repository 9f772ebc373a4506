import { and, asc, desc, eq, ilike, lte, type SQL, sql } from 'drizzle-orm';
import { addYears, looksLikePii } from '../../../common/member.ts';
import { inScope } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { escapeLike, scopeWhere } from '../../platform/access/scope.ts';
import { cstDate } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { MemberListQueryT } from './member.schema.ts';
import { members } from './member.table.ts';
import { memberOut, probation } from './member-store.service.ts';

const SORTS = {
  name: members.name,
  birthDate: members.birthDate,
  joinedOn: members.joinedOn,
  fullMemberOn: members.fullMemberOn,
  updatedAt: members.updatedAt,
};

/**
 * The filter of a member list or export, in SQL: the caller's `member:read` scope, an org subtree, category,
 * gender, ethnicity, education, age band and party standing (党龄 counts from 转为正式党员日期).
 */
export async function memberFilter(ctx: Ctx, q: Omit<MemberListQueryT, 'page' | 'pageSize' | 'sort' | 'order'>): Promise<SQL> {
  const where: (SQL | undefined)[] = [scopeWhere(ctx.actor, 'member:read', orgs.path)];
  if (q.orgId) {
    const [o] = await ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, q.orgId));
    if (!o || !inScope(ctx.actor, 'member:read', o.path)) throw notFound('党组织');
    where.push(sql`${orgs.path} like ${`${escapeLike(o.path)}%`}`);
  }
  if (q.q) {
    if (looksLikePii(q.q)) throw invalid('按公民身份号码或手机号码查找请使用"按身份证号查找"，不能在搜索框中输入号码');
    where.push(ilike(members.name, `%${escapeLike(q.q)}%`));
  }
  if (q.category) where.push(eq(members.category, q.category));
  if (q.gender) where.push(eq(members.gender, q.gender));
  if (q.ethnicity) where.push(eq(members.ethnicity, q.ethnicity));
  if (q.education) where.push(eq(members.education, q.education));
  if (q.status !== 'all') where.push(eq(members.status, q.status ?? 'active'));
  const today = cstDate(ctx.now);
  // age >= n  <=>  born on or before today minus n years; age <= n  <=>  born after today minus (n+1) years
  if (q.ageMin !== undefined) where.push(lte(members.birthDate, addYears(today, -q.ageMin)));
  if (q.ageMax !== undefined) where.push(sql`${members.birthDate} > ${addYears(today, -(q.ageMax + 1))}`);
  if (q.standingMin !== undefined) where.push(lte(members.fullMemberOn, addYears(today, -q.standingMin)));
  if (q.standingMax !== undefined) {
    where.push(sql`${members.fullMemberOn} > ${addYears(today, -(q.standingMax + 1))}`);
  }
  return and(...where) as SQL;
}

/** One page of the roster in the caller's scope, with the total; ID and phone masked. */
export async function listMembers(ctx: Ctx, q: MemberListQueryT) {
  const where = await memberFilter(ctx, q);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const col = SORTS[q.sort ?? 'name'];
  const dir = q.order === 'desc' ? desc : asc;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({ m: members, orgName: orgs.name })
      .from(members)
      .innerJoin(orgs, eq(orgs.id, members.orgId))
      .where(where)
      .orderBy(dir(col), asc(members.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(members).innerJoin(orgs, eq(orgs.id, members.orgId)).where(where),
  ]);
  const months = await probation(ctx);
  return { items: rows.map((r) => memberOut(r.m, r.orgName, months)), total: Number(total) };
}
