import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/access/org.table.ts';

/** 议题库: a 第一议题 kept by SASAC staff or an enterprise committee; once pushed, its publisher's subtree studies it. */
export const firstTopics = pgTable(
  'first_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    source: text('source').notNull(),
    /** date of the speech or instruction: lag days are counted from it */
    publishedOn: date('published_on').notNull(),
    material: text('material'),
    pushedAt: timestamp('pushed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('first_topics_org_idx').on(t.orgId, t.publishedOn)],
);

/** 落实措施 of a committee meeting's 第一议题: reminded before the deadline, supervised (督办) after it. */
export const followUps = pgTable(
  'meeting_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    topicId: uuid('topic_id').references(() => firstTopics.id),
    measure: text('measure').notNull(),
    ownerName: text('owner_name').notNull(),
    ownerUserId: uuid('owner_user_id'),
    deadline: date('deadline').notNull(),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    result: text('result'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('meeting_follow_ups_org_idx').on(t.orgId, t.deadline), index('meeting_follow_ups_meeting_idx').on(t.meetingId)],
);

export type FirstTopic = typeof firstTopics.$inferSelect;
export type FollowUp = typeof followUps.$inferSelect;
