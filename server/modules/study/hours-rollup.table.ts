import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * Study records attended, per member, calendar year and kind of entry (form, 全天/半天 span, minutes): how many.
 * Maintained in the writing transaction by triggers (migration 0002_rollups_in_migrations.sql). It holds the raw
 * entries, never credited hours: the 学时 rules (rates, minimums, caps) are editable and apply at read time.
 */
export const studyMemberMinutes = pgTable(
  'study_member_minutes',
  {
    year: integer('year').notNull(),
    memberId: uuid('member_id').notNull(),
    form: text('form').notNull(),
    /** 'full_day', 'half_day' or '' (by minutes) */
    span: text('span').notNull(),
    minutes: integer('minutes').notNull(),
    times: integer('times').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.memberId, t.form, t.span, t.minutes] })],
);
