import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * An org's OWN held meetings (召开、待审、退回、通过) per calendar year, type and 兼计 keys: counts[1..12] by the CST
 * month they started. Maintained in the writing transaction by triggers (migration 0002_rollups_in_migrations.sql);
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

/**
 * 第一议题 relayed: per CST year, org and topic, how many of the org's held meetings studied the topic as a 第一议题
 * agenda item (same triggers). Whether a topic counts as pushed to the org is decided at read time from the topic.
 */
export const topicRelays = pgTable(
  'topic_relays',
  {
    year: integer('year').notNull(),
    orgId: uuid('org_id').notNull(),
    topicId: uuid('topic_id').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.orgId, t.topicId] })],
);

/**
 * 第一议题 relayed per CST year and org, by the topic's publishing org and, for a pushed topic, the year it was published
 * (0: not pushed): how many distinct topics (same triggers, from topic_relays and the topics). Whether the publisher
 * is the org or above it is decided at read time, so moving an org changes nothing here.
 */
export const topicRelayCounts = pgTable(
  'topic_relay_counts',
  {
    year: integer('year').notNull(),
    orgId: uuid('org_id').notNull(),
    topicOrgId: uuid('topic_org_id').notNull(),
    pushedYear: integer('pushed_year').notNull(),
    topics: integer('topics').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.orgId, t.topicOrgId, t.pushedYear] })],
);
