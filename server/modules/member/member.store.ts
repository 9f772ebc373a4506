import { eq } from 'drizzle-orm';
import type { Permission } from '../../../common/access.ts';
import { addMonths } from '../../../common/member.ts';
import { inScope } from '../../platform/access/actor.ts';
import { orgs } from '../../platform/access/org.table.ts';
import type { Ctx } from '../../platform/context.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
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

/** Loads a member the caller may see; out of scope answers exactly like missing (404), a missing `write` permission 403. */
export async function loadMemberInScope(ctx: Ctx, id: string, write?: Permission) {
  const [r] = await ctx.db
    .select({ m: members, orgPath: orgs.path, orgName: orgs.name })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(eq(members.id, id));
  if (!r || !inScope(ctx.actor, 'member:read', r.orgPath)) throw notFound('党员');
  if (write && !inScope(ctx.actor, write, r.orgPath)) throw forbidden();
  return r;
}

/** Where a member is registered: an active 党支部 or 党小组 where the caller holds `member:write`. */
export async function loadBranchForWrite(ctx: Ctx, orgId: string) {
  const [o] = await ctx.db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!o || !inScope(ctx.actor, 'member:read', o.path)) throw notFound('党组织');
  if (!inScope(ctx.actor, 'member:write', o.path)) throw forbidden('您没有管理该组织党员的权限');
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
