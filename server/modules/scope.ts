import type { ResourceResolver } from '../platform/access/resolve.ts';
import { fileResolvers } from '../platform/files/files.scope.ts';
import { committeeResolvers } from './committee/committee.scope.ts';
import { fivegoodResolvers } from './fivegood/fivegood.scope.ts';
import { meetingResolvers } from './meeting/meeting.scope.ts';
import { memberResolvers } from './member/member.scope.ts';
import { orgResolvers } from './org/org.scope.ts';
import { studyResolvers } from './study/study.scope.ts';
import { transferResolvers } from './transfer/transfer.scope.ts';
import { userResolvers } from './user/user.scope.ts';

/**
 * Every resource a route's policy may name as its target, with where its objects lie: the guard locates the
 * declared target through this one list and enforces the caller's scope (a resource without a resolver fails start).
 */
export const resourceResolvers: ResourceResolver[] = [
  ...orgResolvers,
  ...userResolvers,
  ...memberResolvers,
  ...committeeResolvers,
  ...transferResolvers,
  ...meetingResolvers,
  ...studyResolvers,
  ...fivegoodResolvers,
  ...fileResolvers,
];
