import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { futureDateProblems, type MemberCreate, type MemberUpdate, memberFactProblems } from '../../../common/member.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { cstDate } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { blindIndex, decryptPii } from '../../platform/pii/pii.ts';
import { conversionProblem } from './member.rules.ts';
import type { MemberOutT } from './member.schema.ts';
import { members } from './member.table.ts';
import {
  isUniqueViolation,
  loadBranchForWrite,
  loadMemberInScope,
  memberOut,
  probation,
  sealIdNumber,
  sealPhone,
} from './member-store.service.ts';

export const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  education: '学历',
  idNumber: '公民身份号码',
  phone: '手机号码',
  category: '人员类别',
  joinedOn: '入党日期',
  fullMemberOn: '转为正式党员日期',
  position: '党内职务',
  orgId: '所在党组织',
  status: '状态',
};
export const PII_FIELDS = new Set(['idNumber', 'phone']);

function noFutureDates(ctx: Ctx, m: { birthDate?: string; joinedOn?: string; fullMemberOn?: string | null }) {
  const [p] = futureDateProblems(m, cstDate(ctx.now));
  if (p) throw invalid(p.message, { fields: [p] });
}

/** 转正 before the probation ends is refused (member.rules.ts). */
async function refuseEarlyConversion(ctx: Ctx, m: Parameters<typeof conversionProblem>[0]) {
  const p = conversionProblem(m, await probation(ctx));
  if (p) throw invalid(p.message, { fields: [p] });
}

export async function getMember(ctx: Ctx, id: string): Promise<MemberOutT> {
  const r = await loadMemberInScope(ctx, id);
  return memberOut(r.m, r.orgName, await probation(ctx));
}

/** Registers a member in a branch; one 公民身份号码 is one person (unique blind index). */
export async function createMember(ctx: Ctx, input: MemberCreate): Promise<MemberOutT> {
  const org = await loadBranchForWrite(ctx, input.orgId);
  noFutureDates(ctx, input);
  await refuseEarlyConversion(ctx, input);
  const { idNumber, phone, ...rest } = input;
  try {
    return await withTx(ctx, async (tx) => {
      const [m] = await tx.db
        .insert(members)
        .values({
          ...rest,
          education: rest.education ?? null,
          fullMemberOn: rest.fullMemberOn ?? null,
          position: rest.position ?? null,
          ...sealIdNumber(ctx, idNumber),
          ...sealPhone(ctx, phone),
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning();
      const { orgId: _o, ...shown } = rest;
      await audit(tx, {
        action: 'member.create',
        objectType: 'member',
        objectId: m.id,
        orgId: org.id,
        orgPath: org.path,
        detail: { changes: { ...shown, orgId: org.name, idNumber: 'set', ...(phone ? { phone: 'set' } : {}) } },
      });
      return memberOut(m, org.name, await probation(tx));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('该公民身份号码的党员已登记，不能重复添加；如需调入请办理组织关系转接');
    throw e;
  }
}

/** Edits a member's record (not the org: that is a transfer); audited with the changed fields, PII as "changed" only. */
export async function updateMember(ctx: Ctx, id: string, patch: MemberUpdate): Promise<MemberOutT> {
  const { m, orgPath } = await loadMemberInScope(ctx, id);
  if (patch.version !== undefined && patch.version !== m.version) throw conflict('该党员信息已被他人修改，请刷新后重试');
  const { version: _v, idNumber, phone, ...fields } = patch;
  const merged = { ...m, ...fields };
  const problems = memberFactProblems({
    idNumber: idNumber,
    birthDate: merged.birthDate,
    gender: merged.gender,
    category: merged.category,
    joinedOn: merged.joinedOn,
    fullMemberOn: merged.fullMemberOn,
  });
  if (idNumber === undefined && (fields.birthDate || fields.gender)) {
    // the stored ID number is the reference for birth date and gender
    problems.push(
      ...memberFactProblems({ idNumber: decryptPii(ctx.env.keys, m.idNumberEnc), birthDate: merged.birthDate, gender: merged.gender }),
    );
  }
  if (problems.length) throw invalid(problems.map((p) => p.message).join('；'), { fields: problems });
  noFutureDates(ctx, fields);
  if (fields.category !== undefined || fields.joinedOn !== undefined || fields.fullMemberOn !== undefined)
    await refuseEarlyConversion(ctx, merged);

  const changes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    const before = (m as Record<string, unknown>)[k] ?? null;
    if ((v ?? null) !== before) changes[k] = { from: before, to: v ?? null };
  }
  const set: Record<string, unknown> = { ...fields };
  if (idNumber !== undefined && blindIndex(ctx.env.keys, 'id', idNumber) !== m.idNumberBidx) {
    Object.assign(set, sealIdNumber(ctx, idNumber));
    changes.idNumber = 'changed';
  }
  if (phone !== undefined && (phone ? blindIndex(ctx.env.keys, 'phone', phone) : null) !== m.phoneBidx) {
    Object.assign(set, sealPhone(ctx, phone));
    changes.phone = 'changed';
  }
  if (Object.keys(changes).length === 0) return getMember(ctx, id);
  try {
    await withTx(ctx, async (tx) => {
      await tx.db
        .update(members)
        .set({ ...set, updatedAt: ctx.now, version: m.version + 1 })
        .where(eq(members.id, id));
      await audit(tx, { action: 'member.update', objectType: 'member', objectId: id, orgId: m.orgId, orgPath, detail: { changes } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('该公民身份号码已登记在另一名党员名下，请核对');
    throw e;
  }
  return getMember(ctx, id);
}

/** Exact look-up by 公民身份号码 through the blind index (never a URL parameter); out of scope = not found. */
export async function lookupMember(ctx: Ctx, idNumber: string): Promise<MemberOutT> {
  const bidx = blindIndex(ctx.env.keys, 'id', idNumber);
  const [r] = await ctx.db
    .select({ m: members, orgName: orgs.name })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(members.idNumberBidx, bidx), scopeWhere(ctx.actor, 'member:read', orgs.path)));
  if (!r) throw notFound('党员');
  return memberOut(r.m, r.orgName, await probation(ctx));
}

const ACTION_LABELS: Record<string, string> = {
  'member.create': '登记',
  'member.update': '修改',
  'member.correction': '本人更正（审核通过）',
  'member.import': '导入更新',
};

/** Edit history from the audit log: changed fields with before/after values, personal data only as "已修改". */
export async function memberHistory(ctx: Ctx, id: string) {
  await loadMemberInScope(ctx, id);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.objectType, 'member'), eq(auditLog.objectId, id), inArray(auditLog.action, Object.keys(ACTION_LABELS))),
        // an import names the members it changed in its one record
        and(eq(auditLog.action, 'member.import'), sql`${auditLog.detail} -> 'changed' ? ${id}`),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(200);
  const show = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => {
    const imported = r.action === 'member.import' ? ((r.detail?.changed as Record<string, string[]> | undefined)?.[id] ?? []) : null;
    const changes = (imported ? Object.fromEntries(imported.map((f) => [f, '导入更新'])) : (r.detail?.changes ?? {})) as Record<
      string,
      unknown
    >;
    return {
      at: r.at.toISOString(),
      action: r.action,
      actionLabel: ACTION_LABELS[r.action] ?? r.action,
      by: r.username,
      changes: Object.entries(changes).map(([field, c]) => {
        const label = FIELD_LABELS[field] ?? field;
        if (PII_FIELDS.has(field)) return { field, label, from: null, to: '已修改' };
        const fc = c as { from?: unknown; to?: unknown } | null;
        if (fc && typeof fc === 'object' && 'to' in fc) return { field, label, from: show(fc.from), to: show(fc.to) };
        return { field, label, from: null, to: show(c) };
      }),
    };
  });
}
