import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/access/org.table.ts';
import { members } from '../member/member.table.ts';

/**
 * 组织关系转接. `internal`: between two orgs of the platform (pending → confirmed | rejected | cancelled; the member
 * row moves in the confirming transaction). `out`: to an org outside (letter_issued → receipt_received | expired |
 * cancelled). `in`: from outside, recorded when the member is registered (confirmed at once).
 */
export const transfers = pgTable(
  'transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['internal', 'out', 'in'] }).notNull(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** the member's name when the transfer was made (the history reads well after a rename) */
    memberName: text('member_name').notNull(),
    fromOrgId: uuid('from_org_id').references(() => orgs.id),
    toOrgId: uuid('to_org_id').references(() => orgs.id),
    /** the org outside the platform (out: receiving; in: sending) */
    externalOrgName: text('external_org_name'),
    status: text('status', {
      enum: ['pending', 'confirmed', 'rejected', 'cancelled', 'letter_issued', 'receipt_received', 'expired'],
    }).notNull(),
    reason: text('reason').notNull(),
    /** 党费交至 YYYY-MM */
    duesPaidUntil: text('dues_paid_until'),
    letterNo: text('letter_no'),
    issuedOn: date('issued_on'),
    validUntil: date('valid_until'),
    receiptOn: date('receipt_on'),
    receiptNote: text('receipt_note'),
    decisionNote: text('decision_note'),
    createdBy: uuid('created_by'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // one open transfer per member: a member is never on the way to two places
    uniqueIndex('transfers_open_idx').on(t.memberId).where(sql`${t.status} in ('pending', 'letter_issued')`),
    index('transfers_member_idx').on(t.memberId, t.createdAt),
    index('transfers_from_idx').on(t.fromOrgId, t.status),
    index('transfers_to_idx').on(t.toOrgId, t.status),
    uniqueIndex('transfers_letter_no_idx').on(t.letterNo).where(sql`${t.kind} = 'out'`),
  ],
);

export type Transfer = typeof transfers.$inferSelect;
