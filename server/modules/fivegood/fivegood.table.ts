import { boolean, date, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Evidence, RubricContent } from '../../../common/fivegood.ts';
import { ASSESSMENT_STATUSES, CAMPAIGN_STATUSES } from '../../../common/fivegood.ts';
import { orgs } from '../../platform/access/org.table.ts';

/** A rubric version: content is never edited in place; saving creates the next version. */
export const fivegoodRubrics = pgTable('fivegood_rubrics', {
  id: uuid('id').primaryKey().defaultRandom(),
  version: integer('version').notNull().unique(),
  content: jsonb('content').$type<RubricContent>().notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export type CampaignDeadlines = { selfAssess: string; enterpriseReview: string; sasacReview: string; rectify: string };

/** The year's creation campaign, launched at an org (the SASAC root) for the branches under it. */
export const fivegoodCampaigns = pgTable(
  'fivegood_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    rubricId: uuid('rubric_id')
      .notNull()
      .references(() => fivegoodRubrics.id),
    deadlines: jsonb('deadlines').$type<CampaignDeadlines>().notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('open'),
    publicityFrom: date('publicity_from'),
    publicityTo: date('publicity_to'),
    namedOn: date('named_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('fivegood_campaigns_org_year').on(t.orgId, t.year)],
);

export type ScoreEntry = { self: number | null; enterprise: number | null; reason: string; note: string; evidence: Evidence[] };
export type Step = { at: string; by: string; action: string; from: string; to: string; reason: string };

/** One branch's assessment in a campaign: scores by indicator key, the reviews and the transition history. */
export const fivegoodAssessments = pgTable(
  'fivegood_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => fivegoodCampaigns.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status', { enum: ASSESSMENT_STATUSES }).notNull(),
    ineligibleReason: text('ineligible_reason'),
    scores: jsonb('scores').$type<Record<string, ScoreEntry>>().notNull().default({}),
    bonus: jsonb('bonus').$type<{ key: string; level: string }[]>().notNull().default([]),
    report: text('report').notNull().default(''),
    siteVisit: text('site_visit').notNull().default(''),
    talks: text('talks').notNull().default(''),
    satisfaction: real('satisfaction'),
    vetoes: jsonb('vetoes').$type<string[]>().notNull().default([]),
    reviewComment: text('review_comment').notNull().default(''),
    proposedGrade: integer('proposed_grade'),
    grade: integer('grade'),
    total: real('total'),
    history: jsonb('history').$type<Step[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('fivegood_assessments_campaign_org').on(t.campaignId, t.orgId), index('fivegood_assessments_org').on(t.orgId)],
);

/** An objection received during the 公示 period, and how it was resolved. */
export const fivegoodObjections = pgTable('fivegood_objections', {
  id: uuid('id').primaryKey().defaultRandom(),
  assessmentId: uuid('assessment_id')
    .notNull()
    .references(() => fivegoodAssessments.id),
  content: text('content').notNull(),
  receivedOn: date('received_on').notNull(),
  resolution: text('resolution'),
  upheld: boolean('upheld'),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export type Rubric = typeof fivegoodRubrics.$inferSelect;
export type Campaign = typeof fivegoodCampaigns.$inferSelect;
export type Assessment = typeof fivegoodAssessments.$inferSelect;
