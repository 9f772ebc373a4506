import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ATTENDANCE_STATUSES, MEETING_STATUSES, MEETING_TYPES } from '../../../common/meeting.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { members } from '../member/member.table.ts';
import { firstTopics } from './topic.table.ts';

export type VoteResult = { motion: string; votesFor: number; votesAgainst: number; abstain: number };

/** 组织生活 record: planned, held, recorded against its type's template, submitted and reviewed by the upper org. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    type: text('type', { enum: MEETING_TYPES }).notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('planned'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    host: text('host').notNull(),
    recorder: text('recorder').notNull(),
    /** template section key → text */
    sections: jsonb('sections').$type<Record<string, string>>().notNull().default({}),
    minutes: text('minutes'),
    /** a 党员大会 that votes: quorum is checked against full members entitled */
    voting: boolean('voting').notNull().default(false),
    votes: jsonb('votes').$type<VoteResult[]>().notNull().default([]),
    /** other calendar keys this record also counts for (e.g. a 组织生活会 that held 民主评议党员) */
    countsAs: jsonb('counts_as').$type<string[]>().notNull().default([]),
    heldAt: timestamp('held_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('meetings_org_idx').on(t.orgId, t.startsAt), index('meetings_type_idx').on(t.type, t.startsAt)],
);

/** Ordered agenda; item 1 of the types the rule table names is a 第一议题 linked to the topic bank. */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['first_topic', 'regular'] }).notNull(),
    title: text('title').notNull(),
    topicId: uuid('topic_id').references(() => firstTopics.id),
    /** 学习形式 (集中学习, 原文领学, 交流研讨…) */
    form: text('form'),
    summary: text('summary'),
  },
  (t) => [index('meeting_agenda_meeting_idx').on(t.meetingId, t.position), index('meeting_agenda_topic_idx').on(t.topicId)],
);

/** 应到 rows are created from the roster when planned; 出席/缺席/请假 (with reason) when recorded or by QR sign-in. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    status: text('status', { enum: ATTENDANCE_STATUSES }).notNull().default('expected'),
    reason: text('reason'),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }),
    via: text('via', { enum: ['manual', 'qr'] }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] }), index('meeting_attendance_member_idx').on(t.memberId)],
);

/** Review history: submit, return (退回补充 with comment), approve. */
export const meetingReviews = pgTable(
  'meeting_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['submit', 'return', 'approve'] }).notNull(),
    comment: text('comment'),
    byUserId: uuid('by_user_id'),
    byName: text('by_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('meeting_reviews_meeting_idx').on(t.meetingId, t.at)],
);

export type Meeting = typeof meetings.$inferSelect;
export type AgendaItem = typeof meetingAgendaItems.$inferSelect;
