// Barrel of every table: drizzle-kit reads it to generate migrations.

export * from '../modules/cockpit/cockpit.table.ts';
export * from '../modules/committee/committee.table.ts';
export * from '../modules/fivegood/fivegood.table.ts';
export * from '../modules/fivegood/rating.table.ts';
export * from '../modules/meeting/held.rollup.table.ts';
export * from '../modules/meeting/meeting.table.ts';
export * from '../modules/meeting/topic.table.ts';
export * from '../modules/member/member.table.ts';
export * from '../modules/study/hours.rollup.table.ts';
export * from '../modules/study/material.table.ts';
export * from '../modules/study/plan.table.ts';
export * from '../modules/study/quiz.table.ts';
export * from '../modules/study/record.table.ts';
export * from '../modules/transfer/transfer.table.ts';
export * from '../platform/access/org.table.ts';
export * from '../platform/audit/audit.table.ts';
export * from '../platform/auth/auth.table.ts';
export * from '../platform/auth/user.table.ts';
export * from '../platform/files/files.table.ts';
export * from '../platform/notify/notify.table.ts';
export * from '../platform/settings/settings.table.ts';
