import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/access/org.table.ts';

/**
 * 党员. 公民身份号码 and 手机号码 are stored only encrypted (SM4-CTR + HMAC-SM3, key version inside the
 * ciphertext), with a keyed blind index for exact look-up and the masked form for lists.
 */
export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    ethnicity: text('ethnicity').notNull(),
    birthDate: date('birth_date').notNull(),
    education: text('education'),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberBidx: text('id_number_bidx').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    phoneEnc: text('phone_enc'),
    phoneBidx: text('phone_bidx'),
    phoneMasked: text('phone_masked'),
    category: text('category', { enum: ['full', 'probationary'] }).notNull(),
    joinedOn: date('joined_on').notNull(),
    fullMemberOn: date('full_member_on'),
    position: text('position'),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('members_id_bidx').on(t.idNumberBidx),
    index('members_org_idx').on(t.orgId, t.name),
    index('members_phone_bidx').on(t.phoneBidx),
  ],
);

export type Member = typeof members.$inferSelect;

/**
 * A member's correction of their own profile (members' own view), decided by the branch secretary. A new phone
 * number is held encrypted like the member's own; `changes` carries only the non-personal fields.
 */
export const memberChangeRequests = pgTable(
  'member_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    changes: jsonb('changes').$type<Record<string, string>>().notNull(),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    submittedBy: uuid('submitted_by').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('member_change_requests_member_idx').on(t.memberId, t.status)],
);

export type MemberChangeRequest = typeof memberChangeRequests.$inferSelect;
