import type { FeatureDef } from '../lib/feature.ts';
import { adminFeature } from './admin/admin.feature.ts';
import { authFeature } from './auth/auth.feature.ts';
import { cockpitFeature } from './cockpit/cockpit.feature.ts';
import { committeeFeature } from './committee/committee.feature.ts';
import { dashboardFeature } from './dashboard/dashboard.feature.ts';
import { factsFeature } from './facts/facts.feature.ts';
import { fivegoodFeature } from './fivegood/fivegood.feature.ts';
import { meetingFeature } from './meeting/meeting.feature.ts';
import { memberFeature } from './member/member.feature.ts';
import { orgFeature } from './org/org.feature.ts';
import { studyFeature } from './study/study.feature.ts';
import { transferFeature } from './transfer/transfer.feature.ts';

/** Every web feature, one line each, in menu order: the router, the menu and the dashboard read this list. */
export const features: readonly FeatureDef[] = [
  authFeature,
  dashboardFeature,
  cockpitFeature,
  factsFeature,
  orgFeature,
  committeeFeature,
  transferFeature,
  memberFeature,
  adminFeature,
  meetingFeature,
  studyFeature,
  fivegoodFeature,
];
