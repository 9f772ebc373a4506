import type { Ctx } from '../../platform/context.ts';
import { factValues } from '../../platform/facts/fact.sql.ts';
import type { FactDef, FactScope } from '../../platform/facts/fact.ts';
import { establishmentFacts } from '../establishment/establishment.facts.ts';
import { fivegoodFacts } from '../fivegood/fivegood.facts.ts';
import { meetingFacts } from '../meeting/meeting.facts.ts';
import { memberFacts } from '../member/member.facts.ts';
import { orgFacts } from '../org/org.facts.ts';
import { studyFacts } from '../study/study.facts.ts';
import { transferFacts } from '../transfer/transfer.facts.ts';
import { cockpitFacts } from './cockpit.facts.ts';

const byKey = new Map<string, FactDef>(
  [
    ...orgFacts,
    ...establishmentFacts,
    ...memberFacts,
    ...meetingFacts,
    ...cockpitFacts,
    ...studyFacts,
    ...fivegoodFacts,
    ...transferFacts,
  ].map((f) => [f.key, f]),
);

/**
 * The cockpit's headline figures are facts: each card shows the value of the fact its records page lists, so the two
 * can never disagree. Values of `keys` for the scope, the SQL ones in one statement.
 */
export async function headlineValues<K extends string>(ctx: Ctx, scope: FactScope, keys: readonly K[]): Promise<Record<K, number | null>> {
  const defs = keys.map((k) => {
    const f = byKey.get(k);
    if (!f) throw new Error(`cockpit headline: no fact "${k}"`);
    return f;
  });
  const values = await factValues(ctx, defs, scope);
  return Object.fromEntries(keys.map((k) => [k, values.get(k) ?? null])) as Record<K, number | null>;
}
