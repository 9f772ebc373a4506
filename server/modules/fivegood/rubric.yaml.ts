import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { type DataSource, type RubricContent, RubricContentSchema } from '../../../common/fivegood.ts';
import { invalid } from '../../platform/errors.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

type Y = Record<string, unknown>;
const obj = (v: unknown): Y => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Y) : {});
const arr = (v: unknown): Y[] => (Array.isArray(v) ? (v as Y[]) : []);

/** The data source a YAML indicator's rule_refs point to (the first one the system can compute). */
function sourceOf(refs: string[]): { source: DataSource | null; sourceKeys: string[] } {
  const meetings = refs.filter((r) => r.startsWith('meetings.by_org_type.branch.')).map((r) => r.split('.').pop() as string);
  if (refs.includes('first_topic')) return { source: 'first_topic', sourceKeys: [] };
  if (refs.includes('study_hours')) return { source: 'study_hours', sourceKeys: [] };
  if (meetings.length) return { source: 'meeting_compliance', sourceKeys: meetings };
  if (refs.includes('terms')) return { source: 'committee_term', sourceKeys: [] };
  if (refs.includes('org_structure')) return { source: 'org_setup', sourceKeys: [] };
  return { source: null, sourceKeys: [] };
}

/** Reads a rubric from YAML: the shipped file's layout (snake_case under `rubric:`) or this module's own export. */
export function rubricFromYaml(text: string): RubricContent {
  let doc: Y;
  try {
    doc = obj(parse(text));
  } catch (e) {
    throw invalid(`YAML 格式错误：${(e as Error).message.split('\n')[0]}`);
  }
  const r = obj(doc.rubric ?? doc);
  const g = obj(r.grading);
  const labels = obj(g.labels);
  const steps = arr(obj(r.procedure).steps);
  const content = {
    name: r.name,
    passRatio: g.dimension_good_if_score_ratio_gte ?? g.pass_ratio,
    labels: [0, 1, 2, 3, 4, 5].map((i) => String(labels[i] ?? '')),
    eligibility: {
      minBranchAgeMonths: obj(r.eligibility).exclude_if_branch_age_months_lt ?? 0,
      excludeFlags: arr(obj(r.eligibility).exclude_if_flags).map((f) => ({ key: f.key, label: f.label })),
    },
    dimensions: arr(r.dimensions).map((d) => ({
      key: d.key,
      name: d.name,
      passRatio: d.pass_ratio ?? null,
      indicators: arr(d.indicators).map((i) => {
        const refs = Array.isArray(i.rule_refs) ? i.rule_refs.map(String) : [];
        const derived = sourceOf(refs);
        return {
          key: i.key,
          text: i.text,
          points: i.points,
          guidance: i.guidance ?? '',
          evidence: Array.isArray(i.evidence) ? i.evidence.map(String) : [],
          source: i.source ?? derived.source,
          sourceKeys: Array.isArray(i.source_keys) ? i.source_keys.map(String) : derived.sourceKeys,
        };
      }),
    })),
    veto: {
      capGradeAt: obj(obj(g.veto).effect).cap_grade_at ?? 3,
      conditions: arr(obj(g.veto).conditions).map((c) => ({ key: c.key, text: c.text, metric: c.metric ?? null, lt: c.lt ?? null })),
    },
    bonus: {
      maxTotal: obj(r.bonus).max_total ?? 0,
      items: arr(obj(r.bonus).items).map((b) => {
        const pts = obj(b.points_by_level);
        const lbl = obj(b.level_labels);
        return { key: b.key, text: b.text, levels: Object.keys(pts).map((k) => ({ key: k, label: String(lbl[k] ?? k), points: pts[k] })) };
      }),
    },
    publicityWorkingDays: steps.find((s) => s.key === 'publicize')?.duration_working_days ?? null,
  };
  const parsed = RubricContentSchema.safeParse(content);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw invalid(`评分细则内容有误（${i.path.join('.')}）：${i.message}`);
  }
  return parsed.data;
}

/** Writes a rubric as YAML in the shipped file's layout, so it can be edited offline and imported again. */
export function rubricToYaml(c: RubricContent, meta: { version: number }): string {
  const labels = Object.fromEntries(c.labels.map((l, i) => [i, l]));
  return stringify({
    rubric: {
      key: 'five_good',
      version: meta.version,
      name: c.name,
      eligibility: { exclude_if_branch_age_months_lt: c.eligibility.minBranchAgeMonths, exclude_if_flags: c.eligibility.excludeFlags },
      grading: {
        method: 'count_of_good_dimensions',
        dimension_good_if_score_ratio_gte: c.passRatio,
        labels,
        veto: { effect: { cap_grade_at: c.veto.capGradeAt }, conditions: c.veto.conditions },
      },
      dimensions: c.dimensions.map((d) => ({
        key: d.key,
        name: d.name,
        pass_ratio: d.passRatio,
        indicators: d.indicators.map((i) => ({
          key: i.key,
          text: i.text,
          points: i.points,
          guidance: i.guidance,
          evidence: i.evidence,
          source: i.source,
          source_keys: i.sourceKeys,
        })),
      })),
      bonus: {
        max_total: c.bonus.maxTotal,
        items: c.bonus.items.map((b) => ({
          key: b.key,
          text: b.text,
          points_by_level: Object.fromEntries(b.levels.map((l) => [l.key, l.points])),
          level_labels: Object.fromEntries(b.levels.map((l) => [l.key, l.label])),
        })),
      },
      procedure: { steps: [{ key: 'publicize', duration_working_days: c.publicityWorkingDays }] },
    },
  });
}

/** The shipped default rubric (default-rubric.yaml, a copy of the shared data file). */
export function defaultRubric(): RubricContent {
  return rubricFromYaml(readFileSync(path.join(here, 'default-rubric.yaml'), 'utf8'));
}
