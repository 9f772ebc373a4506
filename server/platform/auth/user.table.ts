import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../access/org.table.ts';

/** Accounts. `usernameNorm` (NFKC + case-folded) is unique so `Zhang`, `zhang` and `Ｚｈａｎｇ` are one name. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull(),
  usernameNorm: text('username_norm').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  disabled: boolean('disabled').notNull().default(false),
  disabledReason: text('disabled_reason'),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  /** when an administrator last re-enabled the account: inactivity is counted from the later of this and the last login */
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  /** the member record of a `member` account (issue: members' own view) */
  memberId: uuid('member_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A role held at an org reaches that org's subtree. */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role, t.orgId] }), index('user_roles_org_idx').on(t.orgId)],
);

export const passwordHistory = pgTable(
  'password_history',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    hash: text('hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

export type User = typeof users.$inferSelect;
