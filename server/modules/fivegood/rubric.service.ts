import { asc, desc, eq } from 'drizzle-orm';
import type { RubricContent } from '../../../common/fivegood.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { fivegoodCampaigns, fivegoodRubrics, type Rubric } from './fivegood.table.ts';
import { defaultRubric } from './rubric.yaml.ts';

const out = (r: Rubric, usedBy: { id: string; name: string; year: number }[] = []) => ({
  id: r.id,
  version: r.version,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
  content: r.content,
  usedBy,
});

/** Seeds version 1 from the shipped default rubric when none exists yet (first use). */
export async function ensureRubric(ctx: Ctx): Promise<void> {
  const [any] = await ctx.db.select({ id: fivegoodRubrics.id }).from(fivegoodRubrics).limit(1);
  if (any) return;
  await ctx.db
    .insert(fivegoodRubrics)
    .values({ version: 1, content: defaultRubric(), note: '初始版本（内置工作稿）', createdAt: ctx.now })
    .onConflictDoNothing();
}

/** Every rubric version, newest first, each with the campaigns that use it. */
export async function listRubrics(ctx: Ctx) {
  await ensureRubric(ctx);
  const rows = await ctx.db.select().from(fivegoodRubrics).orderBy(desc(fivegoodRubrics.version));
  const camps = await ctx.db
    .select({ id: fivegoodCampaigns.id, name: fivegoodCampaigns.name, year: fivegoodCampaigns.year, rubricId: fivegoodCampaigns.rubricId })
    .from(fivegoodCampaigns)
    .orderBy(asc(fivegoodCampaigns.year));
  return rows.map((r) =>
    out(
      r,
      camps.filter((c) => c.rubricId === r.id).map(({ rubricId: _r, ...c }) => c),
    ),
  );
}

/** One rubric version. */
export async function getRubric(ctx: Ctx, id: string) {
  await ensureRubric(ctx);
  const [r] = await ctx.db.select().from(fivegoodRubrics).where(eq(fivegoodRubrics.id, id));
  if (!r) throw notFound('评分细则版本');
  return out(r);
}

/** Loads the stored row (for grading and export). */
export async function loadRubric(ctx: Ctx, id: string): Promise<Rubric> {
  const [r] = await ctx.db.select().from(fivegoodRubrics).where(eq(fivegoodRubrics.id, id));
  if (!r) throw notFound('评分细则版本');
  return r;
}

/** Saves an edit as the next version; versions already used by a campaign stay exactly as they were. */
export async function createRubricVersion(ctx: Ctx, content: RubricContent, note: string) {
  await ensureRubric(ctx);
  return withTx(ctx, async (tx) => {
    const [last] = await tx.db.select({ v: fivegoodRubrics.version }).from(fivegoodRubrics).orderBy(desc(fivegoodRubrics.version)).limit(1);
    const [r] = await tx.db
      .insert(fivegoodRubrics)
      .values({ version: (last?.v ?? 0) + 1, content, note, createdBy: ctx.actor?.userId ?? null, createdAt: ctx.now })
      .returning();
    await audit(tx, {
      action: 'fivegood.rubric.create',
      objectType: 'fivegood_rubric',
      objectId: r.id,
      detail: { version: r.version, note },
    });
    return out(r);
  });
}
