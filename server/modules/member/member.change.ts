import { and, desc, eq, sql } from 'drizzle-orm';
import type { SelfCorrection } from '../../../common/member.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { escapeLike, scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { decryptPii, encryptPii, maskPhone } from '../../platform/pii/pii.ts';
import { FIELD_LABELS } from './member.service.ts';
import { type Member, type MemberChangeRequest, memberChangeRequests, members } from './member.table.ts';
import { loadMemberInScope, memberOut, probation, sealPhone } from './member-store.service.ts';

const FIELDS = ['name', 'ethnicity', 'education', 'phone', 'position'] as const;

/** A correction request as both sides see it: phone numbers masked. */
export function changeOut(r: MemberChangeRequest, m: Member, orgName: string) {
  type Change = { field: string; label: string; from: string | null; to: string | null };
  const changes = FIELDS.flatMap((f): Change[] => {
    if (f === 'phone') return r.phoneMasked ? [{ field: f, label: FIELD_LABELS[f], from: m.phoneMasked, to: r.phoneMasked }] : [];
    const to = r.changes[f];
    return to === undefined ? [] : [{ field: f, label: FIELD_LABELS[f], from: (m[f] as string | null) ?? null, to }];
  });
  return {
    id: r.id,
    memberId: m.id,
    memberName: m.name,
    orgId: m.orgId,
    orgName,
    changes,
    reason: r.reason,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
  };
}

async function ownMember(ctx: Ctx) {
  const id = ctx.actor?.memberId;
  const [r] = id
    ? await ctx.db
        .select({ m: members, orgName: orgs.name })
        .from(members)
        .innerJoin(orgs, eq(orgs.id, members.orgId))
        .where(eq(members.id, id))
    : [];
  if (!r) throw notFound('与您的账号关联的党员信息');
  return r;
}

/** The caller's own member record (masked) and their correction requests, newest first. */
export async function myProfile(ctx: Ctx) {
  const { m, orgName } = await ownMember(ctx);
  const rs = await ctx.db
    .select()
    .from(memberChangeRequests)
    .where(eq(memberChangeRequests.memberId, m.id))
    .orderBy(desc(memberChangeRequests.createdAt))
    .limit(20);
  return { member: memberOut(m, orgName, await probation(ctx)), requests: rs.map((r) => changeOut(r, m, orgName)) };
}

/** A member asks to correct their own profile; the branch secretaries are notified. One pending request at a time. */
export async function submitCorrection(ctx: Ctx, input: SelfCorrection) {
  const { m, orgName } = await ownMember(ctx);
  const { reason, phone, ...rest } = input;
  const changes = Object.fromEntries(
    Object.entries(rest).filter(([k, v]) => v !== undefined && v !== (m as Record<string, unknown>)[k]),
  ) as Record<string, string>;
  return withTx(ctx, async (tx) => {
    const [pending] = await tx.db
      .select({ id: memberChangeRequests.id })
      .from(memberChangeRequests)
      .where(and(eq(memberChangeRequests.memberId, m.id), eq(memberChangeRequests.status, 'pending')));
    if (pending) throw conflict('您已有一份待审核的更正申请，请等待支部书记审核后再提交');
    const [r] = await tx.db
      .insert(memberChangeRequests)
      .values({
        memberId: m.id,
        changes,
        phoneEnc: phone ? encryptPii(ctx.env.keys, phone) : null,
        phoneMasked: phone ? maskPhone(phone) : null,
        reason,
        submittedBy: ctx.actor!.userId,
        createdAt: ctx.now,
      })
      .returning();
    await notify(tx, {
      orgId: m.orgId,
      roles: ['branch_secretary'],
      kind: 'member.correction',
      title: `${m.name}提交了个人信息更正申请`,
      body: '请在党员管理页面的"更正申请"中审核',
      link: '/members?tab=requests',
      dedupeKey: `member-correction:${r.id}`,
    });
    await audit(tx, {
      action: 'member.correction.submit',
      objectType: 'member',
      objectId: m.id,
      orgId: m.orgId,
      detail: { requestId: r.id, fields: [...Object.keys(changes), ...(phone ? ['phone'] : [])] },
    });
    return changeOut(r, m, orgName);
  });
}

/** Pending (or all) correction requests of members in the caller's `member:write` scope. */
export async function listCorrections(ctx: Ctx, q: { orgId?: string; status?: 'pending' | 'approved' | 'rejected' }) {
  let subtree: string | null = null;
  if (q.orgId) {
    const [o] = await ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, q.orgId));
    if (!o) throw notFound('党组织');
    subtree = o.path;
  }
  const rows = await ctx.db
    .select({ r: memberChangeRequests, m: members, orgName: orgs.name, path: orgs.path })
    .from(memberChangeRequests)
    .innerJoin(members, eq(members.id, memberChangeRequests.memberId))
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(
      and(
        scopeWhere(ctx.actor, 'member:write', orgs.path),
        eq(memberChangeRequests.status, q.status ?? 'pending'),
        subtree ? sql`${orgs.path} like ${`${escapeLike(subtree)}%`}` : undefined,
      ),
    )
    .orderBy(desc(memberChangeRequests.createdAt))
    .limit(200);
  return rows.map((x) => changeOut(x.r, x.m, x.orgName));
}

/** The branch secretary decides: approval applies the change to the member in the same transaction, audited. */
export async function decideCorrection(ctx: Ctx, id: string, decision: { approve: boolean; note?: string }) {
  const [r] = await ctx.db.select().from(memberChangeRequests).where(eq(memberChangeRequests.id, id));
  if (!r) throw notFound('更正申请');
  const { m, orgPath, orgName } = await loadMemberInScope(ctx, r.memberId).catch(() => {
    throw notFound('更正申请');
  });
  if (r.status !== 'pending') throw conflict('该申请已审核，不能重复处理');
  return withTx(ctx, async (tx) => {
    const status = decision.approve ? ('approved' as const) : ('rejected' as const);
    const [done] = await tx.db
      .update(memberChangeRequests)
      .set({ status, decidedBy: ctx.actor!.userId, decidedAt: ctx.now, decisionNote: decision.note ?? null })
      .where(and(eq(memberChangeRequests.id, id), eq(memberChangeRequests.status, 'pending')))
      .returning();
    if (!done) throw conflict('该申请已审核，不能重复处理');
    const changes: Record<string, unknown> = {};
    if (decision.approve) {
      for (const [k, v] of Object.entries(r.changes)) changes[k] = { from: (m as Record<string, unknown>)[k] ?? null, to: v };
      const set: Record<string, unknown> = { ...r.changes };
      if (r.phoneEnc) {
        Object.assign(set, sealPhone(ctx, decryptPii(ctx.env.keys, r.phoneEnc)));
        changes.phone = 'changed';
      }
      await tx.db
        .update(members)
        .set({ ...set, updatedAt: ctx.now, version: m.version + 1 })
        .where(eq(members.id, m.id));
    }
    await notify(tx, {
      userIds: [r.submittedBy],
      kind: 'member.correction',
      title: decision.approve ? '您的个人信息更正申请已通过' : '您的个人信息更正申请未通过',
      body: decision.note ?? undefined,
      link: '/m/profile',
      dedupeKey: `member-correction-decided:${r.id}`,
    });
    await audit(tx, {
      action: decision.approve ? 'member.correction' : 'member.correction.reject',
      objectType: 'member',
      objectId: m.id,
      orgId: m.orgId,
      orgPath,
      detail: { requestId: r.id, changes, note: decision.note ?? null },
    });
    return changeOut(done, m, orgName);
  });
}
