import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { STUDY_FORMS, STUDY_THEMES } from '../../../common/study-labels.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { meetings } from '../meeting/meeting.table.ts';
import { members } from '../member/member.table.ts';
import { studyMaterials } from './material.table.ts';

/**
 * A study activity: 集中学习 (standalone or linked to a meeting), 中心组学习, 班组10分钟课堂 (recorded by a team
 * leader, attendees by list or QR), or a member's 自学 with a short 心得. Online reading is counted from sessions.
 */
export const studyRecords = pgTable(
  'study_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    form: text('form', { enum: STUDY_FORMS }).notNull(),
    title: text('title').notNull(),
    theme: text('theme', { enum: STUDY_THEMES }).notNull().default('other'),
    lecturer: text('lecturer'),
    teamName: text('team_name'),
    occurredOn: date('occurred_on').notNull(),
    minutes: integer('minutes').notNull(),
    /** 全天 / 半天 training converts by the rule table (8 / 4 hours) instead of minutes */
    span: text('span', { enum: ['full_day', 'half_day'] }),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    materialId: uuid('material_id').references(() => studyMaterials.id),
    reflection: text('reflection'),
    /** QR check-in closes at this time (班组课堂) */
    checkinUntil: timestamp('checkin_until', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('study_records_org_idx').on(t.orgId, t.occurredOn), index('study_records_meeting_idx').on(t.meetingId)],
);

/** Who took part in a study record, and how they were recorded. */
export const studyAttendees = pgTable(
  'study_record_attendees',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => studyRecords.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    via: text('via', { enum: ['list', 'qr', 'self', 'meeting'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.memberId] }), index('study_attendees_member_idx').on(t.memberId)],
);

export type StudyRecord = typeof studyRecords.$inferSelect;
