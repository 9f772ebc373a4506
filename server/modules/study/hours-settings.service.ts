import type { StudyRulesInput } from '../../../common/study.ts';
import { STUDY_FORMS } from '../../../common/study-labels.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { readRules, writeRules } from '../../platform/rules/rules.service.ts';
import { hoursRules } from './hours.rules.ts';

type YamlForm = Record<string, unknown> & { key: string };
type YamlReq = Record<string, unknown> & { roles: string[]; min_hours_per_year: number };

/** The study-hour rules in force (requirements, and per form: counts, rate, yearly cap, minimum minutes). */
export async function getStudyRules(ctx: Ctx) {
  const r = hoursRules(await readRules(ctx.db));
  const forms = Object.fromEntries(
    STUDY_FORMS.map((f) => [
      f,
      {
        name: r.forms[f].name,
        counts: r.forms[f].counts,
        rate: r.forms[f].rate,
        capHours: r.forms[f].capHours,
        minMinutes: r.forms[f].minMinutes,
      },
    ]),
  );
  return { memberHours: r.memberHours, leaderHours: r.leaderHours, leaderMinCentralized: r.leaderMinCentralized, forms };
}

/** Writes the editable study-hour rules back into the rule table's study_hours section, audited with before/after. */
export async function updateStudyRules(ctx: Ctx, input: StudyRulesInput) {
  const before = await getStudyRules(ctx);
  await withTx(ctx, async (tx) => {
    const all = await readRules(tx.db);
    const s = structuredClone((all.study_hours ?? {}) as { requirements?: YamlReq[]; forms?: YamlForm[] });
    for (const q of s.requirements ?? []) {
      if (q.roles.includes('member')) q.min_hours_per_year = input.memberHours;
      else if (q.roles.includes('secretary') || q.roles.includes('committee_member')) q.min_hours_per_year = input.leaderHours;
    }
    const forms = s.forms ?? [];
    for (const key of STUDY_FORMS) {
      const f = input.forms[key];
      let y = forms.find((x) => x.key === key);
      if (!y) {
        y = { key };
        forms.push(y);
      }
      Object.assign(y, { counts_toward_hours: f.counts, credit_rate: f.rate, cap_hours_per_year: f.capHours, min_minutes: f.minMinutes });
    }
    s.forms = forms;
    await writeRules(tx.db, { ...all, study_hours: s }, ctx.actor?.userId ?? null, ctx.now);
    await audit(tx, { action: 'study.rules.update', objectType: 'rules', objectId: 'study_hours', detail: { before, after: input } });
  });
  return getStudyRules(ctx);
}
