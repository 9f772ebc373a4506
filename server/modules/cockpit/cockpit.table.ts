import { bigint, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * 驾驶舱 roll-up by org × year × month (month 0 = the whole year). Each org's row already includes its whole subtree:
 * a write bumps the org and every ancestor (migration 0002_rollups_in_migrations.sql), so the cockpit reads rows by key.
 * Held meetings (召开、待审、退回、通过) count in the month they started (China Standard Time).
 */
export const cockpitRollups = pgTable(
  'cockpit_rollups',
  {
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    membersAssembly: integer('m_members_assembly').notNull().default(0),
    branchCommittee: integer('m_branch_committee').notNull().default(0),
    groupMeeting: integer('m_group_meeting').notNull().default(0),
    partyLecture: integer('m_party_lecture').notNull().default(0),
    themeDay: integer('m_theme_day').notNull().default(0),
    lifeMeeting: integer('m_life_meeting').notNull().default(0),
    committeeMeeting: integer('m_committee_meeting').notNull().default(0),
    centralGroupStudy: integer('m_central_group_study').notNull().default(0),
    heartTalk: integer('m_heart_talk').notNull().default(0),
    /** 第一议题 agenda items of held meetings */
    firstTopics: integer('first_topics').notNull().default(0),
    /** study record minutes × attendees (人·分钟) */
    studyMinutes: bigint('study_minutes', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.month] })],
);

/** Current totals of an org's subtree: active orgs by type, members on the roll, open transfers. */
export const cockpitOrgTotals = pgTable('cockpit_org_totals', {
  orgId: uuid('org_id').primaryKey(),
  committees: integer('committees').notNull().default(0),
  generalBranches: integer('general_branches').notNull().default(0),
  branches: integer('branches').notNull().default(0),
  groups: integer('groups').notNull().default(0),
  fullMembers: integer('full_members').notNull().default(0),
  probationaryMembers: integer('probationary_members').notNull().default(0),
  transfersOpen: integer('transfers_open').notNull().default(0),
  /**
   * Bumped along the path by every change under the org that can change its 三会一课 rate (own meetings, orgs,
   * member counts); the rate is cached per version.
   */
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

/**
 * An org's OWN held 三会一课 per month (not its subtree): counts[1..12] for one meeting type and year. The 三会一课
 * compliance rate is evaluated from these against the configurable rule table at read time.
 */
export const cockpitOwnMeetings = pgTable(
  'cockpit_own_meetings',
  {
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    type: text('type').notNull(),
    counts: integer('counts').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.type] }), index('cockpit_own_meetings_year_idx').on(t.year, t.orgId)],
);

export type CockpitRollup = typeof cockpitRollups.$inferSelect;
