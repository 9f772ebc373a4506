import { eq } from 'drizzle-orm';
import {
  DEFAULT_TEMPLATES,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  MeetingTemplate,
  type MeetingTemplateT,
  type MeetingType,
} from '../../../common/meeting.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Ctx, withTx } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { cachedSetting, writeSetting } from '../../platform/settings/settings.service.ts';
import { settings } from '../../platform/settings/settings.table.ts';

export const TEMPLATES_KEY = 'meeting.templates';

/** Every meeting type's record template: the stored one where SASAC staff edited it, else the default. */
export function getTemplates(ctx: Pick<Ctx, 'db'>): Promise<Record<MeetingType, MeetingTemplateT>> {
  // read with every meeting record shown: cached like the other settings documents
  return cachedSetting(ctx.db, TEMPLATES_KEY, async () => {
    const [row] = await ctx.db.select({ value: settings.value }).from(settings).where(eq(settings.key, TEMPLATES_KEY));
    const stored = (row?.value ?? {}) as Record<string, unknown>;
    const out = structuredClone(DEFAULT_TEMPLATES);
    for (const t of MEETING_TYPES) {
      const parsed = MeetingTemplate.safeParse(stored[t]);
      if (parsed.success) out[t] = parsed.data;
    }
    return out;
  });
}

/** Replaces one type's template (its sections and which are required); audited. */
export async function updateTemplate(ctx: Ctx, type: MeetingType, tpl: MeetingTemplateT) {
  const keys = tpl.sections.map((s) => s.key);
  if (new Set(keys).size !== keys.length) throw invalid('模板栏目标识不能重复');
  return withTx(ctx, async (tx) => {
    const [row] = await tx.db.select({ value: settings.value }).from(settings).where(eq(settings.key, TEMPLATES_KEY));
    const value = { ...((row?.value ?? {}) as Record<string, unknown>), [type]: tpl };
    await writeSetting(tx.db, TEMPLATES_KEY, value, ctx.actor?.userId ?? null, ctx.now);
    await audit(tx, {
      action: 'meeting.template.update',
      objectType: 'meeting_template',
      objectId: type,
      detail: { type: MEETING_TYPE_LABELS[type], sections: tpl.sections.map((s) => `${s.label}${s.required ? '(必填)' : ''}`) },
    });
    return tpl;
  });
}
