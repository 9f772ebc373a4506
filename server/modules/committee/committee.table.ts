import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/access/org.table.ts';
import { members } from '../member/member.table.ts';

/**
 * 支部委员会 / 领导班子 of an org for one term (届): the election date, the term from the rule table and, when the
 * election was postponed with higher approval, the postponed end. One `current` roster per org; earlier ones `ended`.
 */
export const committees = pgTable(
  'committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    electedOn: date('elected_on').notNull(),
    termYears: integer('term_years').notNull(),
    /** electedOn + termYears, as elected */
    termEndsOn: date('term_ends_on').notNull(),
    /** set by an approved postponement (≤ the rule table's years after termEndsOn) */
    postponedTo: date('postponed_to'),
    postponeReason: text('postpone_reason'),
    postponeApprovedBy: text('postpone_approved_by'),
    postponeApprovedOn: date('postpone_approved_on'),
    postponeDocNo: text('postpone_doc_no'),
    status: text('status', { enum: ['current', 'ended'] })
      .notNull()
      .default('current'),
    endedOn: date('ended_on'),
    /** 应到 / 实到 at the election meeting (valid only with more than 4/5 present, rule table) */
    votersEntitled: integer('voters_entitled'),
    votersPresent: integer('voters_present'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('committees_current_idx').on(t.orgId).where(sql`${t.status} = 'current'`),
    index('committees_org_idx').on(t.orgId, t.electedOn),
  ],
);

/** The people on a committee and their duties (书记, 副书记, 组织委员, 宣传委员, 纪检委员, 委员). */
export const committeeMembers = pgTable(
  'committee_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    duty: text('duty', {
      enum: ['secretary', 'deputy_secretary', 'organization_officer', 'publicity_officer', 'discipline_officer', 'member'],
    }).notNull(),
    /** further duties in words (e.g. 兼任青年委员) */
    dutyNote: text('duty_note'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('committee_members_uq').on(t.committeeId, t.memberId), index('committee_members_member_idx').on(t.memberId)],
);

export type Committee = typeof committees.$inferSelect;
export type CommitteeMember = typeof committeeMembers.$inferSelect;
