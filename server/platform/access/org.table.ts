import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 党组织: the tree. `path` is the materialized path of ids ("/<root>/<child>/…/"), the basis of every scope check. */
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    type: text('type', { enum: ['committee', 'general_branch', 'branch', 'group'] }).notNull(),
    path: text('path').notNull(),
    depth: integer('depth').notNull().default(0),
    sortOrder: integer('sort_order').notNull().default(0),
    /** 单位名称 of the enterprise or unit the org belongs to */
    unitName: text('unit_name'),
    /** marks the org as the party organisation of an enterprise (州属企业) for roll-ups */
    isEnterprise: boolean('is_enterprise').notNull().default(false),
    joint: boolean('joint').notNull().default(false),
    temporary: boolean('temporary').notNull().default(false),
    foundedOn: date('founded_on'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ['active', 'dissolved'] })
      .notNull()
      .default('active'),
    dissolvedAt: timestamp('dissolved_at', { withTimezone: true }),
    dissolvedReason: text('dissolved_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('orgs_path_idx').using('btree', sql`${t.path} text_pattern_ops`), index('orgs_parent_idx').on(t.parentId)],
);

export type Org = typeof orgs.$inferSelect;
