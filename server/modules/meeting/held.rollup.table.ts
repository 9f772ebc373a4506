import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * An org's OWN held meetings (召开、待审、退回、通过) per calendar year, type and 兼计 keys: counts[1..12] by the CST
 * month they started. Maintained in the writing transaction by triggers (server/db/sql/003_scoring_rollups.sql);
 * the 三会一课 calendar evaluates the rule table against these at read time.
 */
export const meetingHeldMonths = pgTable(
  'meeting_held_months',
  {
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    type: text('type').notNull(),
    countsAs: jsonb('counts_as').$type<string[]>().notNull(),
    counts: integer('counts').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.type, t.countsAs] })],
);
