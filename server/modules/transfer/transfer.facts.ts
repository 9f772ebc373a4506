import { sql } from 'drizzle-orm';
import { countFact, type FactRows, rollupCell } from '../../platform/facts/fact.sql.ts';
import type { FactDef, FactScope } from '../../platform/facts/fact.ts';

/** Transfers in progress now, counted at the sending org (the receiving org for a transfer in from outside). */
const openRows = (s: FactScope): FactRows => ({
  from: sql`transfers t join orgs o on o.id = coalesce(t.from_org_id, t.to_org_id)`,
  where: sql`t.status in ('pending', 'letter_issued') and starts_with(o.path, ${s.org.path})`,
  id: sql`t.id`,
  title: sql`t.member_name || case t.kind when 'internal' then '（系统内转接）' when 'out' then '（转出）' else '（转入）' end`,
  orgId: sql`o.id`,
  orgName: sql`o.name`,
  date: sql`((t.created_at at time zone 'UTC') + interval '8 hours')::date`,
});

export const transferFacts: FactDef[] = [
  countFact({
    key: 'transfers.open',
    label: '转接办理中',
    unit: '人',
    permission: 'cockpit:read',
    rows: openRows,
    // the subtree's maintained count (cockpit_org_totals, migration 0002)
    rollup: (s) => rollupCell(sql`cockpit_org_totals t where t.org_id = ${s.org.id}`, sql`t.transfers_open`),
  }),
];
