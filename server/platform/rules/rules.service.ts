import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { parse } from 'yaml';
import type { Db } from '../../db/client.ts';
import { cachedSetting, writeSetting } from '../settings/settings.service.ts';
import { settings } from '../settings/settings.table.ts';

export const RULES_KEY = 'rules';
const here = path.dirname(fileURLToPath(import.meta.url));

type Band = { min: number; max: number };

/**
 * The rule table (configurable domain rules, domain.md): a parsed copy of rules.yaml, editable in settings under
 * `rules`. The sections several modules read are typed; every other section is read as `unknown` and narrowed.
 */
export type Rules = {
  org_structure: {
    branch: {
      min_full_members: number;
      max_members_generally: number;
      joint_branch_max_units: number;
      project_branch_min_months: number;
      committee_required_if_full_members_gte: number;
      committee_size: { min: number; typical_max: number; max: number };
    };
    general_branch: { typical_members: Band };
    committee: { typical_members_min: number };
    group: { min_people: number; min_full_members: number };
  };
  terms: {
    years: { branch: number; branch_village_community: number; general_branch: number; committee: number };
    postpone_or_advance_max_years: number;
  };
  transfer: {
    letter_validity_days_default: number;
    letter_validity_cross_province_max_days: number;
    letter_validity_cross_province_enabled: boolean;
    receipt_required: boolean;
  };
  [section: string]: unknown;
};

let defaultsCache: Rules | null = null;

/** The shipped defaults (rules.yaml next to this file, a copy of the shared data file; never read from ../shared). */
export function defaultRules(): Rules {
  defaultsCache ??= parse(readFileSync(path.join(here, 'rules.yaml'), 'utf8')) as Rules;
  return structuredClone(defaultsCache);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stored values override defaults leaf by leaf (arrays as a whole), so a key added to the defaults reaches old installs. */
export function mergeRules(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeRules(base[k], v);
  return out;
}

/** The rule table in force; on first use it is seeded from the shipped defaults so authorised users can edit it. */
export function readRules(db: Db): Promise<Rules> {
  return cachedSetting(db, RULES_KEY, () => readStoredRules(db));
}

async function readStoredRules(db: Db): Promise<Rules> {
  const [row] = await db.select().from(settings).where(eq(settings.key, RULES_KEY));
  const base = defaultRules();
  if (row) return mergeRules(base, row.value) as Rules;
  await db.insert(settings).values({ key: RULES_KEY, value: base }).onConflictDoNothing();
  return base;
}

/** The rule table in force, for a service context. */
export const rules = (ctx: { db: Db }): Promise<Rules> => readRules(ctx.db);

/** Replaces the rule table (the caller audits the change). */
export async function writeRules(db: Db, value: Rules, by: string | null, now: Date): Promise<void> {
  await writeSetting(db, RULES_KEY, value, by, now);
}

type Stage = { key: string; probation_months?: number };

/** 预备期 in months (recruitment.stages[probationary].probation_months). */
export async function probationMonths(db: Db): Promise<number> {
  const r = await readRules(db);
  const stages = ((r.recruitment as { stages?: Stage[] } | undefined)?.stages ?? []) as Stage[];
  const m = stages.find((s) => s.key === 'probationary')?.probation_months;
  if (typeof m !== 'number') throw new Error('规则表缺少预备期（recruitment.stages.probationary.probation_months）');
  return m;
}
