// Credited study minutes of many members at once, from the entries the triggers maintain in study_member_minutes
// (migration 0002_rollups_in_migrations.sql) instead of every record attended. The rules apply here, at read time,
// exactly as accountHours applies them entry by entry, so a changed rule never leaves a stale total.
import { type SQL, sql } from 'drizzle-orm';
import { STUDY_FORMS } from '../../../common/study-labels.ts';
import type { Db } from '../../db/client.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { members } from '../member/member.table.ts';
import { creditOf, type HoursRules } from './hours.rules.ts';

/** The forms' rules as SQL rows; a 全天/半天 entry's credit comes from creditOf itself. */
function formRows(r: HoursRules) {
  return sql.join(
    STUDY_FORMS.map((k) => {
      const f = r.forms[k];
      const full = creditOf({ form: k, on: '', minutes: 0, span: 'full_day' }, r);
      const half = creditOf({ form: k, on: '', minutes: 0, span: 'half_day' }, r);
      const cap = f.capHours === null ? null : f.capHours * 60;
      return sql`(${k}::text, ${f.counts}::boolean, ${f.rate}::float8, ${f.minMinutes}::float8, ${cap}::float8, ${full}::float8, ${half}::float8)`;
    }),
    sql`, `,
  );
}

export type MemberHours = { id: string; name: string; path: string; totalMinutes: number; centralizedCount: number };

/**
 * The members matching `where` (over members joined to their org), each with the credited minutes of `year` and the
 * number of 集中培训 that counted. Per form the cap bounds the year's sum, which is what capping entry by entry in date
 * order adds up to; an entry's credit is creditOf's Math.round(minutes × rate), half up, computed exactly in float8.
 */
export async function hoursOfMembers(db: Db, r: HoursRules, year: number, where: SQL): Promise<MemberHours[]> {
  const x = sql.raw('(s.minutes * f.rate)');
  const res = (await db.execute(sql`
    with f (form, counts, rate, min_minutes, cap, full_credit, half_credit) as (values ${formRows(r)}),
    mine as (
      select ${members.id} as id, ${members.name} as name, ${orgs.path} as path
      from ${members} join ${orgs} on ${orgs.id} = ${members.orgId} where ${where}
    ),
    e as (
      select s.member_id, s.form, f.cap, s.times,
        case when not f.counts then 0
          when s.span = 'full_day' then f.full_credit
          when s.span = 'half_day' then f.half_credit
          when s.minutes < f.min_minutes then 0
          else floor(${x}) + (${x} - floor(${x}) >= 0.5)::int end as one
      from study_member_minutes s join mine on mine.id = s.member_id join f on f.form = s.form
      where s.year = ${year}
    ),
    per_form as (
      select member_id,
        case when cap is null then sum(times * one) else least(sum(times * one), greatest(cap, 0)) end as credited,
        sum(times) filter (where form = 'centralized_training' and one > 0) as centralized
      from e group by member_id, form, cap
    ),
    t as (select member_id, sum(credited) as total, sum(centralized) as centralized from per_form group by member_id)
    select mine.id, mine.name, mine.path, coalesce(t.total, 0)::float8 as total, coalesce(t.centralized, 0)::int as centralized
    from mine left join t on t.member_id = mine.id`)) as unknown as {
    rows: { id: string; name: string; path: string; total: number | string; centralized: number }[];
  };
  return res.rows.map((m) => ({
    id: m.id,
    name: m.name,
    path: m.path,
    totalMinutes: Number(m.total),
    centralizedCount: Number(m.centralized),
  }));
}
