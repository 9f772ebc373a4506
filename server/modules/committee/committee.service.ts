import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CommitteeCreate, CommitteeUpdate, Postpone } from '../../../common/committee.ts';
import { type Org, orgs } from '../../platform/access/org.table.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { cstDate } from '../../platform/clock.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { type Rules, rules } from '../../platform/rules/rules.service.ts';
import { members } from '../member/member.table.ts';
import { loadOrgInScope } from '../org/org.service.ts';
import type { CommitteeOutT } from './committee.schema.ts';
import { type Committee, committeeMembers, committees } from './committee.table.ts';
import { addMonths, electionQuorumProblem, postponementProblem, reminderMonths, termState, termYears } from './term.rules.ts';

/** The end in force: the approved postponement, else the end as elected. */
export const endsOn = (c: Pick<Committee, 'termEndsOn' | 'postponedTo'>) => c.postponedTo ?? c.termEndsOn;

async function present(ctx: Ctx, list: (Committee & { orgName: string })[], r: Rules): Promise<CommitteeOutT[]> {
  if (list.length === 0) return [];
  const seats = await ctx.db
    .select({ s: committeeMembers, name: members.name, category: members.category })
    .from(committeeMembers)
    .innerJoin(members, eq(members.id, committeeMembers.memberId))
    .where(
      inArray(
        committeeMembers.committeeId,
        list.map((c) => c.id),
      ),
    )
    .orderBy(asc(committeeMembers.sortOrder));
  const today = cstDate(ctx.now);
  return list.map((c) => {
    const st = c.status === 'ended' ? null : termState(endsOn(c), today, reminderMonths(r));
    return {
      id: c.id,
      orgId: c.orgId,
      orgName: c.orgName,
      electedOn: c.electedOn,
      termYears: c.termYears,
      termEndsOn: c.termEndsOn,
      postponedTo: c.postponedTo,
      endsOn: endsOn(c),
      postpone: c.postponedTo
        ? {
            reason: c.postponeReason ?? '',
            approvedBy: c.postponeApprovedBy ?? '',
            approvedOn: c.postponeApprovedOn ?? '',
            docNo: c.postponeDocNo,
          }
        : null,
      status: c.status,
      endedOn: c.endedOn,
      votersEntitled: c.votersEntitled,
      votersPresent: c.votersPresent,
      termState: st ? st.kind : 'ended',
      monthsBefore: st?.kind === 'due' ? st.monthsBefore : null,
      daysOverdue: st?.kind === 'overdue' ? st.daysOverdue : null,
      note: c.note,
      version: c.version,
      members: seats
        .filter((s) => s.s.committeeId === c.id)
        .map((s) => ({ id: s.s.id, memberId: s.s.memberId, name: s.name, category: s.category, duty: s.s.duty, dutyNote: s.s.dutyNote })),
    };
  });
}

/** Every committee (term) of an org, the current one first. */
export async function listOrgCommittees(ctx: Ctx, orgId: string): Promise<CommitteeOutT[]> {
  const o = await loadOrgInScope(ctx, orgId);
  const rows = await ctx.db.select().from(committees).where(eq(committees.orgId, o.id)).orderBy(desc(committees.electedOn));
  return present(
    ctx,
    rows.map((c) => ({ ...c, orgName: o.name })),
    await rules(ctx),
  );
}

/** Current committees in the caller's scope (optionally under `orgId`), filtered by term state; soonest end first. */
export async function listTerms(ctx: Ctx, q: { orgId?: string; state?: 'due' | 'overdue' | 'attention' }) {
  const under = q.orgId ? await loadOrgInScope(ctx, q.orgId) : null;
  const rows = await ctx.db
    .select({ c: committees, orgName: orgs.name })
    .from(committees)
    .innerJoin(orgs, eq(orgs.id, committees.orgId))
    .where(
      and(
        eq(committees.status, 'current'),
        eq(orgs.status, 'active'),
        scopeWhere(ctx.actor, 'org:read', orgs.path),
        under ? sql`starts_with(${orgs.path}, ${under.path})` : undefined,
      ),
    )
    .orderBy(sql`coalesce(${committees.postponedTo}, ${committees.termEndsOn})`, asc(orgs.name));
  const out = await present(
    ctx,
    rows.map((r) => ({ ...r.c, orgName: r.orgName })),
    await rules(ctx),
  );
  if (q.state === 'attention') return out.filter((c) => c.termState === 'due' || c.termState === 'overdue');
  return q.state ? out.filter((c) => c.termState === q.state) : out;
}

async function loadCommittee(ctx: Ctx, id: string, write: boolean) {
  const [c] = await ctx.db.select().from(committees).where(eq(committees.id, id));
  if (!c) throw notFound('委员会');
  const o = await loadOrgInScope(ctx, c.orgId, write ? 'org:write' : 'org:read').catch(() => {
    throw notFound('委员会');
  });
  return { c, o };
}

/** One committee with its roster and term state. */
export async function getCommittee(ctx: Ctx, id: string): Promise<CommitteeOutT> {
  const { c, o } = await loadCommittee(ctx, id, false);
  const [out] = await present(ctx, [{ ...c, orgName: o.name }], await rules(ctx));
  return out;
}

/** Seats must be active full members of the org (or of its 党小组). */
async function checkSeats(ctx: Ctx, o: Org, seats: CommitteeCreate['members']) {
  const ids = seats.map((s) => s.memberId);
  const found = await ctx.db
    .select({ id: members.id, name: members.name, category: members.category, status: members.status, path: orgs.path })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(inArray(members.id, ids));
  for (const id of ids) {
    const m = found.find((f) => f.id === id);
    if (!m?.path.startsWith(o.path) || m.status !== 'active') throw invalid(`所选委员不是${o.name}的在册党员`);
    if (m.category !== 'full') throw invalid(`${m.name}是预备党员，没有被选举权，不能担任委员`);
  }
}

async function writeSeats(ctx: Ctx, committeeId: string, seats: CommitteeCreate['members']) {
  await ctx.db.delete(committeeMembers).where(eq(committeeMembers.committeeId, committeeId));
  await ctx.db
    .insert(committeeMembers)
    .values(seats.map((s, i) => ({ committeeId, memberId: s.memberId, duty: s.duty, dutyNote: s.dutyNote ?? null, sortOrder: i })));
}

/** Records an election (换届): the new roster becomes current and the previous one ends on the election date. */
export async function createCommittee(ctx: Ctx, orgId: string, input: CommitteeCreate): Promise<CommitteeOutT> {
  const o = await loadOrgInScope(ctx, orgId, 'org:write');
  if (o.type === 'group') throw invalid('党小组不设委员会，请在党支部下记录');
  if (o.status !== 'active') throw invalid('该组织已撤销');
  if (input.electedOn > cstDate(ctx.now)) throw invalid('选举日期不能晚于今天');
  await checkSeats(ctx, o, input.members);
  const r = await rules(ctx);
  if (input.votersEntitled != null && input.votersPresent != null) {
    const problem = electionQuorumProblem(r, input.votersEntitled, input.votersPresent);
    if (problem) throw invalid(problem);
  }
  const years = termYears(r, o.type);
  const id = await withTx(ctx, async (tx) => {
    const [prev] = await tx.db
      .select()
      .from(committees)
      .where(and(eq(committees.orgId, o.id), eq(committees.status, 'current')))
      .for('update');
    if (prev && prev.electedOn >= input.electedOn) throw conflict(`本届委员会选举于 ${prev.electedOn}，新一届的选举日期应晚于该日期`);
    if (prev)
      await tx.db
        .update(committees)
        .set({ status: 'ended', endedOn: input.electedOn, updatedAt: ctx.now })
        .where(eq(committees.id, prev.id));
    const [c] = await tx.db
      .insert(committees)
      .values({
        orgId: o.id,
        electedOn: input.electedOn,
        termYears: years,
        termEndsOn: addMonths(input.electedOn, years * 12),
        votersEntitled: input.votersEntitled ?? null,
        votersPresent: input.votersPresent ?? null,
        note: input.note ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await writeSeats(tx, c.id, input.members);
    await audit(tx, {
      action: 'committee.elect',
      objectType: 'committee',
      objectId: c.id,
      orgId: o.id,
      orgPath: o.path,
      detail: { electedOn: c.electedOn, termEndsOn: c.termEndsOn, seats: input.members, previous: prev?.id ?? null },
    });
    return c.id;
  });
  return getCommittee(ctx, id);
}

/** Mid-term changes to the current roster (补选, 调整分工). */
export async function updateCommittee(ctx: Ctx, id: string, patch: CommitteeUpdate): Promise<CommitteeOutT> {
  const { c, o } = await loadCommittee(ctx, id, true);
  if (c.status !== 'current') throw conflict('往届委员会不能修改');
  if (patch.version !== c.version) throw conflict('该委员会已被他人修改，请刷新后重试');
  if (patch.members) await checkSeats(ctx, o, patch.members);
  await withTx(ctx, async (tx) => {
    if (patch.members) await writeSeats(tx, c.id, patch.members);
    await tx.db
      .update(committees)
      .set({ note: patch.note === undefined ? c.note : patch.note, updatedAt: ctx.now, version: c.version + 1 })
      .where(eq(committees.id, c.id));
    await audit(tx, {
      action: 'committee.update',
      objectType: 'committee',
      objectId: c.id,
      orgId: o.id,
      orgPath: o.path,
      detail: { ...patch },
    });
  });
  return getCommittee(ctx, id);
}

/** 延期换届: needs a reason and the higher approval; the end moves later by at most the rule table's years. */
export async function postponeCommittee(ctx: Ctx, id: string, input: Postpone): Promise<CommitteeOutT> {
  const { c, o } = await loadCommittee(ctx, id, true);
  if (c.status !== 'current') throw conflict('往届委员会不能延期');
  const problem = postponementProblem(c.termEndsOn, input.postponedTo, await rules(ctx));
  if (problem) throw invalid(problem);
  if (input.approvedOn > cstDate(ctx.now)) throw invalid('批准日期不能晚于今天');
  await withTx(ctx, async (tx) => {
    await tx.db
      .update(committees)
      .set({
        postponedTo: input.postponedTo,
        postponeReason: input.reason,
        postponeApprovedBy: input.approvedBy,
        postponeApprovedOn: input.approvedOn,
        postponeDocNo: input.docNo ?? null,
        updatedAt: ctx.now,
        version: c.version + 1,
      })
      .where(eq(committees.id, c.id));
    await audit(tx, {
      action: 'committee.postpone',
      objectType: 'committee',
      objectId: c.id,
      orgId: o.id,
      orgPath: o.path,
      detail: { from: endsOn(c), to: input.postponedTo, reason: input.reason, approvedBy: input.approvedBy },
    });
  });
  return getCommittee(ctx, id);
}
