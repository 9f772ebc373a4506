import { cockpitModule } from './cockpit/cockpit.module.ts';
import { committeeModule } from './committee/committee.module.ts';
import { establishmentModule } from './establishment/establishment.module.ts';
import { fivegoodModule } from './fivegood/fivegood.module.ts';
import { meetingModule } from './meeting/meeting.module.ts';
import { memberModule } from './member/member.module.ts';
import { orgModule } from './org/org.module.ts';
import { studyModule } from './study/study.module.ts';
import { transferModule } from './transfer/transfer.module.ts';
import { userModule } from './user/user.module.ts';
import type { FactDef } from '../platform/facts/fact.ts';
import type { ModuleDef } from '../platform/module.ts';

/**
 * Every domain module, one line each. buildApp registers their routes, server/jobs.ts runs their jobs and the demo
 * seed runs their `seed` steps, all in this order (the demo's year of activity depends on it: meetings, transfers,
 * member activity, study, 五个好).
 */
export const modules: readonly ModuleDef[] = [
  orgModule,
  userModule,
  committeeModule,
  establishmentModule,
  meetingModule,
  transferModule,
  memberModule,
  studyModule,
  fivegoodModule,
  cockpitModule,
];

/** Every module's facts (api-contract.md "Facts"), in module order: GET /api/facts lists them. */
export const facts: readonly FactDef[] = modules.flatMap((m) => m.facts ?? []);
