import type { FastifyPluginAsync } from 'fastify';
import { cockpitRoutes } from './cockpit/cockpit.routes.ts';
import { committeeRoutes } from './committee/committee.routes.ts';
import { fivegoodModule } from './fivegood/fivegood.module.ts';
import { meetingModule } from './meeting/meeting.module.ts';
import { memberRoutes } from './member/member.routes.ts';
import { orgExportRoutes } from './org/org.export.routes.ts';
import { orgRoutes } from './org/org.routes.ts';
import { orgWarningRoutes } from './org/org.warnings.routes.ts';
import { studyModule } from './study/study.module.ts';
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
