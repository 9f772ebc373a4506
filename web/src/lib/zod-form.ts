import type { Rule } from 'antd/es/form';
import type { ZodType } from 'zod';

/** An antd Form rule that validates with a shared Zod schema and shows its Chinese message. */
export function zodRule(schema: ZodType): Rule {
  return {
    validator: async (_rule, value) => {
      const r = schema.safeParse(value === '' ? undefined : value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '输入不正确');
    },
  };
}

/** Empty strings from inputs become null, so optional fields are cleared rather than sent as ''. */
export function blankToNull<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && v.trim() === '' ? null : v;
  return out as T;
}
