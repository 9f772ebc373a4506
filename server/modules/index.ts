import type { FastifyPluginAsync } from 'fastify';
import type { FactDef } from '../platform/facts/fact.ts';
import { cockpitFacts } from './cockpit/cockpit.facts.ts';
import { cockpitRoutes } from './cockpit/cockpit.routes.ts';
import { committeeRoutes } from './committee/committee.routes.ts';
import { fivegoodFacts } from './fivegood/fivegood.facts.ts';
import { fivegoodModule } from './fivegood/fivegood.module.ts';
import { meetingFacts } from './meeting/meeting.facts.ts';
import { meetingModule } from './meeting/meeting.module.ts';
import { memberFacts } from './member/member.facts.ts';
import { memberRoutes } from './member/member.routes.ts';
import { orgFacts } from './org/org.facts.ts';
import { orgExportRoutes } from './org/org.export.routes.ts';
import { orgRoutes } from './org/org.routes.ts';
import { orgWarningRoutes } from './org/org.warnings.routes.ts';
import { studyFacts } from './study/study.facts.ts';
import { studyModule } from './study/study.module.ts';
import { transferFacts } from './transfer/transfer.facts.ts';
import { transferRoutes } from './transfer/transfer.routes.ts';
import { userRoutes } from './user/user.routes.ts';

/** Every domain module's routes, registered in this order by buildApp. */
export const modules: FastifyPluginAsync[] = [
  orgRoutes,
  userRoutes,
  memberRoutes,
  meetingModule,
  orgWarningRoutes,
  committeeRoutes,
  orgExportRoutes,
  transferRoutes,
  studyModule,
  fivegoodModule,
  cockpitRoutes,
];

/** Every module's facts (api-contract.md "Facts"), in the order GET /api/facts lists them; the manifests will carry them. */
export const facts: FactDef[] = [
  ...orgFacts,
  ...memberFacts,
  ...meetingFacts,
  ...cockpitFacts,
  ...studyFacts,
  ...fivegoodFacts,
  ...transferFacts,
];
