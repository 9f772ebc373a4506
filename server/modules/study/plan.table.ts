import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { STUDY_FORMS, STUDY_THEMES } from '../../../common/study-labels.ts';
import { orgs } from '../../platform/access/org.table.ts';

/** 学习计划 of an org for a year (quarter null) or one quarter. */
export const studyPlans = pgTable(
  'study_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    quarter: integer('quarter'),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('study_plans_uq').on(t.orgId, t.year, sql`coalesce(${t.quarter}, 0)`)],
);

/** A plan item: theme, month, form and responsible person; `pushed` items are inherited by every org below. */
export const studyPlanItems = pgTable(
  'study_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => studyPlans.id, { onDelete: 'cascade' }),
    month: integer('month').notNull(),
    theme: text('theme', { enum: STUDY_THEMES }).notNull(),
    form: text('form', { enum: STUDY_FORMS }).notNull(),
    title: text('title').notNull(),
    responsible: text('responsible'),
    pushed: boolean('pushed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('study_plan_items_plan_idx').on(t.planId, t.month)],
);

export type StudyPlan = typeof studyPlans.$inferSelect;
export type StudyPlanItem = typeof studyPlanItems.$inferSelect;
