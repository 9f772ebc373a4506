import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { QUESTION_KINDS } from '../../../common/study-labels.ts';
import { orgs } from '../../platform/access/org.table.ts';
import { members } from '../member/member.table.ts';

/** 题库: a question kept by an org; `answer` holds the indexes of the correct options (判断题: 0 = 正确, 1 = 错误). */
export const studyQuestions = pgTable(
  'study_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind', { enum: QUESTION_KINDS }).notNull(),
    stem: text('stem').notNull(),
    options: jsonb('options').$type<string[]>().notNull(),
    answer: jsonb('answer').$type<number[]>().notNull(),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    explanation: text('explanation'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('study_questions_org_idx').on(t.orgId)],
);

/** 测试: questions drawn from the bank, with a time limit, open to the publishing org's subtree between two times. */
export const studyQuizzes = pgTable(
  'study_quizzes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    timeLimitMinutes: integer('time_limit_minutes').notNull(),
    passScore: integer('pass_score').notNull().default(60),
    questionIds: jsonb('question_ids').$type<string[]>().notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('study_quizzes_org_idx').on(t.orgId, t.opensAt)],
);

/** One member's attempt; scored by the server at submission, one attempt per member and quiz. */
export const studyAttempts = pgTable(
  'study_quiz_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quizId: uuid('quiz_id')
      .notNull()
      .references(() => studyQuizzes.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    answers: jsonb('answers').$type<number[][]>(),
    correct: integer('correct'),
    total: integer('total').notNull(),
    score: integer('score'),
  },
  (t) => [index('study_attempts_quiz_idx').on(t.quizId, t.memberId), index('study_attempts_member_idx').on(t.memberId)],
);

export type StudyQuestion = typeof studyQuestions.$inferSelect;
export type StudyQuiz = typeof studyQuizzes.$inferSelect;
export type StudyAttempt = typeof studyAttempts.$inferSelect;
