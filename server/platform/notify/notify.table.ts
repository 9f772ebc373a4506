import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** 站内提醒. `dedupeKey` makes daily reminder jobs idempotent. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    level: text('level', { enum: ['info', 'warning', 'urgent'] })
      .notNull()
      .default('info'),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt), uniqueIndex('notifications_dedupe_idx').on(t.userId, t.dedupeKey)],
);

/** Last run of each scheduled job, so a restart never runs a daily job twice on one day. */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  lastRunOn: text('last_run_on').notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }).notNull(),
  lastResult: text('last_result'),
});
