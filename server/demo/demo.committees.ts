import { sql } from 'drizzle-orm';
import { committeeMembers, committees } from '../modules/committee/committee.table.ts';
import { addDays, addMonths, termYears } from '../modules/committee/term.rules.ts';
import { orgs } from '../platform/access/org.table.ts';
import { rules } from '../platform/rules/rules.service.ts';
import type { Demo } from '../platform/seed.ts';

type Duty = (typeof committeeMembers.$inferInsert)['duty'];
/** 委员 take the three committee duties in turn. */
const OFFICER_DUTIES: Duty[] = ['organization_officer', 'publicity_officer', 'discipline_officer', 'member'];

/**
 * The current 支部委员会 (or the secretary alone) of every demo branch, from the members' 党内职务: elected on a
 * date within the current term after every seat holder became a full member, term length from the rule table;
 * then the contact persons of branches and 党小组.
 */
export async function seedCommittees(demo: Demo): Promise<void> {
  const { ctx, rng } = demo;
  const years = termYears(await rules(ctx), 'branch');
  const seatHolders = demo.members.filter((m) => m.position !== '党员');
  const earliestTerm = addDays(addMonths(demo.today, -years * 12), 30);
  const latest = addDays(demo.today, -30);
  const rows: (typeof committees.$inferInsert)[] = [];
  const seats: (typeof committeeMembers.$inferInsert)[] = [];
  for (const branch of demo.orgs.filter((o) => o.type === 'branch')) {
    const roster = seatHolders.filter((m) => m.branchId === branch.id);
    if (!roster.length) continue;
    const from = [earliestTerm, ...roster.map((m) => addDays(m.fullMemberOn ?? demo.today, 1))].sort().at(-1)!;
    const span = Math.max(0, (Date.parse(latest) - Date.parse(from)) / 86_400_000);
    const electedOn = addDays(from, rng.int(0, Math.floor(span)));
    const id = crypto.randomUUID();
    rows.push({
      id,
      orgId: branch.id,
      electedOn,
      termYears: years,
      termEndsOn: addMonths(electedOn, years * 12),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    let officer = 0;
    roster.forEach((m, i) => {
      const duty: Duty = m.position === '书记' ? 'secretary' : m.position === '副书记' ? 'deputy_secretary' : OFFICER_DUTIES[officer++];
      seats.push({ committeeId: id, memberId: m.id, duty, sortOrder: i });
    });
  }
  if (rows.length) await ctx.db.insert(committees).values(rows);
  if (seats.length) await ctx.db.insert(committeeMembers).values(seats);
  // contact person (联系人) on the org card and in the 党组织名册: a branch's secretary, a 党小组's leader (组长)
  const leaders = demo.orgs
    .filter((o) => o.type === 'group')
    .flatMap((g) => demo.members.filter((m) => m.orgId === g.id && m.category === 'full' && m.position === '党员').slice(0, 1));
  const contacts = [
    ...seatHolders.filter((m) => m.position === '书记').map((m) => sql`(${m.branchId}::uuid, ${m.name})`),
    ...leaders.map((m) => sql`(${m.orgId}::uuid, ${m.name})`),
  ];
  if (contacts.length)
    await ctx.db.execute(
      sql`update ${orgs} set contact_name = v.name from (values ${sql.join(contacts, sql`, `)}) as v(id, name) where ${orgs.id} = v.id`,
    );
}
