import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { READING_BEAT_SECONDS } from '../../../common/study-labels.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { readVerified } from '../../platform/files/files.service.ts';
import { files } from '../../platform/files/files.table.ts';
import { materialFiles } from './material.service.ts';
import { studyMaterials, studyReadingSessions } from './material.table.ts';
import { myMember } from './study-access.service.ts';

/** The most seconds one heartbeat can earn: the beat interval plus a little slack for a slow network. */
export const MAX_CREDIT_PER_BEAT = READING_BEAT_SECONDS + 5;

const reachesMe = (memberOrgPath: string) => sql`${memberOrgPath} like ${orgs.path} || '%'`;
const creditedOf = (memberId: string) =>
  sql<number>`(select coalesce(sum(s.credited_seconds), 0)::int from study_reading_sessions s where s.material_id = ${studyMaterials.id} and s.member_id = ${memberId})`;

/** Materials that reach the member (published at their org or above), newest first, with the minutes already read. */
export async function myMaterials(ctx: Ctx) {
  const me = await myMember(ctx);
  const rows = await ctx.db
    .select({ m: studyMaterials, orgName: orgs.name, seconds: creditedOf(me.id) })
    .from(studyMaterials)
    .innerJoin(orgs, eq(orgs.id, studyMaterials.orgId))
    .where(and(reachesMe(me.orgPath), eq(studyMaterials.status, 'published')))
    .orderBy(desc(studyMaterials.publishedAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.m.id,
    title: r.m.title,
    theme: r.m.theme,
    orgName: r.orgName,
    publishedAt: r.m.publishedAt.toISOString(),
    readMinutes: Math.floor(Number(r.seconds) / 60),
    maxCreditMinutes: r.m.maxCreditMinutes,
  }));
}

async function materialForMe(ctx: Ctx, id: string) {
  const me = await myMember(ctx);
  const [r] = await ctx.db
    .select({ m: studyMaterials, orgName: orgs.name, seconds: creditedOf(me.id) })
    .from(studyMaterials)
    .innerJoin(orgs, eq(orgs.id, studyMaterials.orgId))
    .where(and(eq(studyMaterials.id, id), reachesMe(me.orgPath), eq(studyMaterials.status, 'published')));
  if (!r) throw notFound('学习资料');
  return { me, ...r, seconds: Number(r.seconds) };
}

/**
 * Opens a material for reading: returns its content and a new reading session. Any other open session of the member
 * ends, so two open pages never earn time twice.
 */
export async function startReading(ctx: Ctx, materialId: string) {
  const r = await materialForMe(ctx, materialId);
  const session = await withTx(ctx, async (tx) => {
    await tx.db
      .update(studyReadingSessions)
      .set({ endedAt: ctx.now })
      .where(and(eq(studyReadingSessions.memberId, r.me.id), isNull(studyReadingSessions.endedAt)));
    const [s] = await tx.db
      .insert(studyReadingSessions)
      .values({ materialId, memberId: r.me.id, startedAt: ctx.now, lastBeatAt: ctx.now })
      .returning();
    return s;
  });
  return {
    sessionId: session.id,
    beatSeconds: READING_BEAT_SECONDS,
    material: {
      id: r.m.id,
      title: r.m.title,
      theme: r.m.theme,
      orgName: r.orgName,
      bodyHtml: r.m.bodyHtml,
      links: r.m.links,
      files: await materialFiles(ctx, r.m.id),
      publishedAt: r.m.publishedAt.toISOString(),
      maxCreditMinutes: r.m.maxCreditMinutes,
    },
    readSeconds: r.seconds,
  };
}

/**
 * A heartbeat of the reading page. Credit = the wall time since the previous beat, at most MAX_CREDIT_PER_BEAT, and
 * only when the page was visible and the reader active; never past the material's cap. Time comes from ctx.now only,
 * so the client cannot claim more time than has passed.
 */
export async function readingBeat(ctx: Ctx, sessionId: string, b: { visible: boolean; active: boolean }) {
  const me = await myMember(ctx);
  return withTx(ctx, async (tx) => {
    const [s] = await tx.db
      .select({ s: studyReadingSessions, cap: studyMaterials.maxCreditMinutes })
      .from(studyReadingSessions)
      .innerJoin(studyMaterials, eq(studyMaterials.id, studyReadingSessions.materialId))
      .where(and(eq(studyReadingSessions.id, sessionId), eq(studyReadingSessions.memberId, me.id)))
      .for('update');
    if (!s) throw notFound('阅读记录');
    if (s.s.endedAt) throw new AppError('CONFLICT', '您已在其他页面打开学习资料，本页不再计时，请刷新后继续');
    const elapsed = Math.max(0, Math.floor((ctx.now.getTime() - s.s.lastBeatAt.getTime()) / 1000));
    const [{ total }] = await tx.db
      .select({ total: sql<number>`coalesce(sum(${studyReadingSessions.creditedSeconds}), 0)::int` })
      .from(studyReadingSessions)
      .where(and(eq(studyReadingSessions.materialId, s.s.materialId), eq(studyReadingSessions.memberId, me.id)));
    const room = Math.max(0, s.cap * 60 - Number(total));
    const credit = b.visible && b.active ? Math.min(elapsed, MAX_CREDIT_PER_BEAT, room) : 0;
    await tx.db
      .update(studyReadingSessions)
      .set({ lastBeatAt: ctx.now, creditedSeconds: s.s.creditedSeconds + credit })
      .where(eq(studyReadingSessions.id, sessionId));
    return {
      credited: credit,
      sessionSeconds: s.s.creditedSeconds + credit,
      materialSeconds: Number(total) + credit,
      capReached: room - credit <= 0,
    };
  });
}

/** An attachment of a material that reaches the member: the member reads it on the phone without file permissions. */
export async function myMaterialFile(ctx: Ctx, materialId: string, fileId: string) {
  await materialForMe(ctx, materialId);
  const [r] = await ctx.db
    .select({ f: files, orgPath: orgs.path })
    .from(files)
    .innerJoin(orgs, eq(orgs.id, files.orgId))
    .where(and(eq(files.id, fileId), eq(files.ownerType, 'study_material'), eq(files.ownerId, materialId)));
  if (!r) throw notFound('附件');
  return readVerified(ctx, { ...r.f, orgPath: r.orgPath });
}
