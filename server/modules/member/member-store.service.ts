import { eq } from 'drizzle-orm';
import { addMonths } from '../../../common/member.ts';
import { orgs } from '../../platform/access/org.table.ts';
import type { Ctx } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { blindIndex, encryptPii, maskIdNumber, maskPhone } from '../../platform/pii/pii.ts';
import { probationMonths } from '../../platform/rules/rules.service.ts';
import type { MemberOutT } from './member.schema.ts';
import { type Member, members } from './member.table.ts';

/** The stored form of the two personal-data fields: ciphertext, blind index and mask; never the plaintext. */
export function sealIdNumber(ctx: Ctx, id: string) {
  const v = id.trim().toUpperCase();
  return { idNumberEnc: encryptPii(ctx.env.keys, v), idNumberBidx: blindIndex(ctx.env.keys, 'id', v), idNumberMasked: maskIdNumber(v) };
}

export function sealPhone(ctx: Ctx, phone: string | null | undefined) {
  if (!phone) return { phoneEnc: null, phoneBidx: null, phoneMasked: null };
  const v = phone.trim();
  return { phoneEnc: encryptPii(ctx.env.keys, v), phoneBidx: blindIndex(ctx.env.keys, 'phone', v), phoneMasked: maskPhone(v) };
}

/** Turns a row into the API shape (masked); `probation` is the rule table's 预备期 in months. */
export function memberOut(m: Member, orgName: string, probation: number): MemberOutT {
  return {
    id: m.id,
    orgId: m.orgId,
    orgName,
    name: m.name,
    gender: m.gender,
    ethnicity: m.ethnicity,
    birthDate: m.birthDate,
    education: m.education,
    idNumber: m.idNumberMasked,
    phone: m.phoneMasked,
    category: m.category,
    joinedOn: m.joinedOn,
    fullMemberOn: m.fullMemberOn,
    probationDueOn: m.category === 'probationary' ? addMonths(m.joinedOn, probation) : null,
    position: m.position,
    status: m.status,
    version: m.version,
    updatedAt: m.updatedAt.toISOString(),
  };
}

/**
 * Loads a member a route names (missing → 404). Its scope is the guard's: every route that names a member declares
 * it (or its correction request) as the target, held to the caller's read or write scope before the handler runs.
 */
export async function loadMemberInScope(ctx: Ctx, id: string) {
  const [r] = await ctx.db
    .select({ m: members, orgPath: orgs.path, orgName: orgs.name })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(eq(members.id, id));
  if (!r) throw notFound('党员');
  return r;
}

/** Where a member is registered: an active 党支部 or 党小组 (the guard has held it to the caller's `member:write` scope). */
export async function loadBranchForWrite(ctx: Ctx, orgId: string) {
  const [o] = await ctx.db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!o) throw notFound('党组织');
  if (o.status !== 'active') throw invalid('该党组织已撤销，请选择其他党支部');
  if (o.type !== 'branch' && o.type !== 'group') throw invalid('党员应编入党支部或其党小组，请选择党支部或党小组');
  return o;
}

export const probation = (ctx: Ctx) => probationMonths(ctx.db);

/** True for a unique-constraint violation (PostgreSQL and PGlite, possibly wrapped by Drizzle). */
export function isUniqueViolation(e: unknown): boolean {
  for (let x = e as { code?: string; cause?: unknown } | undefined; x; x = x.cause as typeof x) if (x.code === '23505') return true;
  return false;
}

/** Today's date in China Standard Time, relative to the injected clock. */
export { cstDate as today } from '../../platform/clock.ts';
