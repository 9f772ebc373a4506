import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { STUDY_THEMES } from '../../../common/study-labels.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { firstTopics } from '../meeting/topic.table.ts';
import { members } from '../member/member.table.ts';

export type MaterialLink = { title: string; url: string };

/** 学习资料 published by an org to its whole subtree; the body is sanitised HTML, attachments live in the files service. */
export const studyMaterials = pgTable(
  'study_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    theme: text('theme', { enum: STUDY_THEMES }).notNull(),
    bodyHtml: text('body_html').notNull().default(''),
    links: jsonb('links').$type<MaterialLink[]>().notNull().default([]),
    /** the most online-study minutes one member can earn from this material */
    maxCreditMinutes: integer('max_credit_minutes').notNull().default(30),
    topicId: uuid('topic_id').references(() => firstTopics.id),
    status: text('status', { enum: ['published', 'withdrawn'] })
      .notNull()
      .default('published'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('study_materials_org_idx').on(t.orgId, t.publishedAt)],
);

/** One visit of a member reading a material on the phone; credit accrues only from visible, active heartbeats. */
export const studyReadingSessions = pgTable(
  'study_reading_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    materialId: uuid('material_id')
      .notNull()
      .references(() => studyMaterials.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    lastBeatAt: timestamp('last_beat_at', { withTimezone: true }).notNull(),
    creditedSeconds: integer('credited_seconds').notNull().default(0),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('study_reading_member_idx').on(t.memberId, t.startedAt), index('study_reading_material_idx').on(t.materialId)],
);

export type StudyMaterial = typeof studyMaterials.$inferSelect;
export type ReadingSession = typeof studyReadingSessions.$inferSelect;
