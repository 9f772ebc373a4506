import { eq } from 'drizzle-orm';
import type { Permission } from '../../../common/access.ts';
import type { AssessmentStatus, Review, SelfAssess } from '../../../common/fivegood.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { attachFiles } from '../../platform/files/files.service.ts';
import { notify } from '../../platform/notify/notify.service.ts';
import { effectiveScores, getAssessment, type Loaded, loadAssessment } from './assessment.service.ts';
import { gradeAssessment } from './fivegood.rules.ts';
import { type Assessment, fivegoodAssessments, type ScoreEntry } from './fivegood.table.ts';

const indicatorsOf = (l: Loaded) => new Map(l.rubric.dimensions.flatMap((d) => d.indicators.map((i) => [i.key, i])));

function expect(l: Loaded, allowed: AssessmentStatus[], what: string) {
  if (l.c.status === 'named') throw conflict('该年度创建活动已命名结束，不能再修改');
  if (!allowed.includes(l.a.status)) throw conflict(`当前状态为"${l.a.status === 'ineligible' ? '不参评' : l.a.status}"，不能${what}`);
}

/** Writes one transition: new fields, the history step (who/when/why), the audit record last. */
async function transition(ctx: Ctx, l: Loaded, to: AssessmentStatus, action: string, reason: string, set: Partial<Assessment> = {}) {
  return withTx(ctx, async (tx) => {
    const step = { at: ctx.now.toISOString(), by: ctx.actor?.name ?? '系统', action, from: l.a.status, to, reason };
    await tx.db
      .update(fivegoodAssessments)
      .set({ ...set, status: to, history: [...l.a.history, step], updatedAt: ctx.now })
      .where(eq(fivegoodAssessments.id, l.a.id));
    if (action === 'submit' || action === 'forward')
      await notify(tx, {
        orgId: l.a.orgId,
        roles: action === 'submit' ? ['enterprise_staff'] : ['sasac_staff'],
        kind: `fivegood.${action}`,
        title: `${l.orgName}"五个好"${action === 'submit' ? '自评已提交，请考评' : '考评已报送，请审定'}`,
        link: `/fivegood/assessments/${l.a.id}`,
      });
    if (action === 'return')
      await notify(tx, {
        orgId: l.a.orgId,
        roles: ['branch_secretary'],
        kind: 'fivegood.return',
        level: 'warning',
        title: `"五个好"自评被退回：${reason}`,
        link: `/fivegood/assessments/${l.a.id}`,
      });
    await audit(tx, {
      action: `fivegood.assessment.${action}`,
      objectType: 'fivegood_assessment',
      objectId: l.a.id,
      orgId: l.a.orgId,
      orgPath: l.orgPath,
      detail: { from: l.a.status, to, reason, ...(set.grade !== undefined ? { grade: set.grade } : {}) },
    });
  });
}

/** 支部自评: saves scores, evidence (uploaded files are attached to the assessment), bonus claims and the report. */
export async function saveSelfAssessment(ctx: Ctx, id: string, input: SelfAssess) {
  const l = await loadAssessment(ctx, id, 'fivegood:assess');
  expect(l, ['draft', 'returned'], '修改自评');
  const inds = indicatorsOf(l);
  const scores: Record<string, ScoreEntry> = { ...l.a.scores };
  for (const s of input.scores) {
    const ind = inds.get(s.key);
    if (!ind) throw invalid(`评分细则中没有指标"${s.key}"`);
    if (s.score > ind.points) throw invalid(`"${ind.text.slice(0, 20)}"最高${ind.points}分`);
    scores[s.key] = {
      self: s.score,
      enterprise: scores[s.key]?.enterprise ?? null,
      reason: scores[s.key]?.reason ?? '',
      note: s.note,
      evidence: s.evidence,
    };
  }
  for (const b of input.bonus)
    if (!l.rubric.bonus.items.some((i) => i.key === b.key && i.levels.some((x) => x.key === b.level)))
      throw invalid(`加分项"${b.key}"或其级别不存在`);
  const fileIds = input.scores.flatMap((s) => s.evidence.filter((e) => e.kind === 'file').map((e) => e.ref));
  await withTx(ctx, async (tx) => {
    if (fileIds.length) await attachFiles(tx, fileIds, { ownerType: 'fivegood_assessment', ownerId: id });
    await tx.db
      .update(fivegoodAssessments)
      .set({ scores, bonus: input.bonus, report: input.report, updatedAt: ctx.now })
      .where(eq(fivegoodAssessments.id, id));
    await audit(tx, {
      action: 'fivegood.assessment.save',
      objectType: 'fivegood_assessment',
      objectId: id,
      orgId: l.a.orgId,
      orgPath: l.orgPath,
      detail: { indicators: input.scores.length },
    });
  });
  return getAssessment(ctx, id);
}

/** 书记提交: every indicator scored, evidence behind every non-zero score, and the report written. */
export async function submitAssessment(ctx: Ctx, id: string) {
  const l = await loadAssessment(ctx, id, 'fivegood:assess');
  expect(l, ['draft', 'returned'], '提交');
  const missing = [...indicatorsOf(l).values()].filter((i) => l.a.scores[i.key]?.self == null);
  if (missing.length) throw invalid(`还有${missing.length}项指标未自评，如"${missing[0].text.slice(0, 24)}"`);
  const bare = [...indicatorsOf(l).values()].find((i) => (l.a.scores[i.key]?.self ?? 0) > 0 && !l.a.scores[i.key]?.evidence.length);
  if (bare) throw invalid(`指标"${bare.text.slice(0, 24)}"有得分但没有佐证材料，请上传附件或关联系统记录`);
  if (l.a.report.trim().length < 10) throw invalid('请填写自评报告（不少于10个字）');
  await transition(ctx, l, 'submitted', 'submit', l.a.status === 'returned' ? '修改后重新提交' : '支部自评提交');
  return getAssessment(ctx, id);
}

/** 企业党委考评: score adjustments with reasons, site visit, talks, satisfaction, veto findings. */
export async function saveReview(ctx: Ctx, id: string, input: Review) {
  const l = await loadAssessment(ctx, id, 'fivegood:review');
  expect(l, ['submitted'], '考评');
  const inds = indicatorsOf(l);
  const scores: Record<string, ScoreEntry> = structuredClone(l.a.scores);
  for (const adj of input.adjustments) {
    const ind = inds.get(adj.key);
    if (!ind) throw invalid(`评分细则中没有指标"${adj.key}"`);
    if (adj.score > ind.points) throw invalid(`"${ind.text.slice(0, 20)}"最高${ind.points}分`);
    scores[adj.key] = { ...(scores[adj.key] ?? { self: null, note: '', evidence: [] }), enterprise: adj.score, reason: adj.reason };
  }
  for (const v of input.vetoes) if (!l.rubric.veto.conditions.some((c) => c.key === v)) throw invalid(`否决项"${v}"不存在`);
  await withTx(ctx, async (tx) => {
    await tx.db
      .update(fivegoodAssessments)
      .set({
        scores,
        siteVisit: input.siteVisit,
        talks: input.talks,
        satisfaction: input.satisfaction,
        vetoes: input.vetoes,
        reviewComment: input.comment,
        updatedAt: ctx.now,
      })
      .where(eq(fivegoodAssessments.id, id));
    await audit(tx, {
      action: 'fivegood.assessment.review',
      objectType: 'fivegood_assessment',
      objectId: id,
      orgId: l.a.orgId,
      orgPath: l.orgPath,
      detail: { adjustments: input.adjustments, vetoes: input.vetoes },
    });
  });
  return getAssessment(ctx, id);
}

/** 退回: the enterprise returns a submitted assessment to the branch; the SASAC returns a forwarded one to the enterprise. */
export async function returnAssessment(ctx: Ctx, id: string, reason: string) {
  const probe = await loadAssessment(ctx, id);
  const sasac = probe.a.status === 'forwarded';
  const perm: Permission = sasac ? 'fivegood:manage' : 'fivegood:review';
  const l = await loadAssessment(ctx, id, perm);
  expect(l, ['submitted', 'forwarded'], '退回');
  await transition(ctx, l, sasac ? 'submitted' : 'returned', 'return', reason, sasac ? { proposedGrade: null } : {});
  return getAssessment(ctx, id);
}

/** 报送: the enterprise forwards with its proposed grade, once the site visit and satisfaction are recorded. */
export async function forwardAssessment(ctx: Ctx, id: string, reason: string) {
  const l = await loadAssessment(ctx, id, 'fivegood:review');
  expect(l, ['submitted'], '报送');
  if (!l.a.siteVisit.trim()) throw invalid('请先记录实地查看情况');
  if (l.a.satisfaction === null) throw invalid('请先录入党员群众满意度测评结果');
  const g = gradeAssessment(l.rubric, {
    scores: effectiveScores(l.a),
    vetoes: l.a.vetoes,
    bonus: l.a.bonus,
    satisfaction: l.a.satisfaction,
  });
  await transition(ctx, l, 'forwarded', 'forward', reason, { proposedGrade: g.grade });
  return getAssessment(ctx, id);
}

/** 国资委审定: confirms the computed grade (vetoes applied), after an optional spot-check note and veto findings. */
export async function confirmAssessment(ctx: Ctx, id: string, input: { reason: string; vetoes?: string[] }) {
  const l = await loadAssessment(ctx, id, 'fivegood:manage');
  expect(l, ['forwarded'], '审定');
  const vetoes = [...new Set([...l.a.vetoes, ...(input.vetoes ?? [])])];
  for (const v of vetoes) if (!l.rubric.veto.conditions.some((c) => c.key === v)) throw invalid(`否决项"${v}"不存在`);
  const g = gradeAssessment(l.rubric, { scores: effectiveScores(l.a), vetoes, bonus: l.a.bonus, satisfaction: l.a.satisfaction });
  await transition(ctx, l, 'confirmed', 'confirm', input.reason, { vetoes, grade: g.grade, total: g.total });
  return getAssessment(ctx, id);
}
