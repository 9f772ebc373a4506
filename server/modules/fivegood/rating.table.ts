import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/access/org.table.ts';
import { fivegoodCampaigns } from './fivegood.table.ts';

/**
 * A branch's rating history: one row when a campaign names it, one more for each mid-year veto demotion. The latest
 * row is the branch's current grade; a row with a plaque number is in the plaque register until revoked (摘牌).
 */
export const fivegoodRatings = pgTable(
  'fivegood_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    campaignId: uuid('campaign_id').references(() => fivegoodCampaigns.id),
    kind: text('kind', { enum: ['named', 'veto'] }).notNull(),
    grade: integer('grade').notNull(),
    label: text('label').notNull(),
    previousGrade: integer('previous_grade'),
    reason: text('reason').notNull().default(''),
    plaqueNo: text('plaque_no'),
    plaqueStatus: text('plaque_status', { enum: ['active', 'revoked'] }),
    revokedOn: date('revoked_on'),
    revokedReason: text('revoked_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('fivegood_ratings_org').on(t.orgId, t.createdAt)],
);

/** 整改台账: one item to fix, with an owner and a deadline, tracked to closure (销号). */
export const fivegoodRectifications = pgTable(
  'fivegood_rectifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    campaignId: uuid('campaign_id').references(() => fivegoodCampaigns.id),
    item: text('item').notNull(),
    owner: text('owner').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    closeNote: text('close_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('fivegood_rectifications_org').on(t.orgId)],
);

/** A veto event during the year (e.g. a major accident): demotes at once and removes the plaque. */
export const fivegoodVetoEvents = pgTable('fivegood_veto_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  conditionKey: text('condition_key').notNull(),
  conditionText: text('condition_text').notNull(),
  occurredOn: date('occurred_on').notNull(),
  reason: text('reason').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export type Rating = typeof fivegoodRatings.$inferSelect;
