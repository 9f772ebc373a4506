// 驾驶舱 (cockpit): the response both the server (route response schema) and the web page read.
import { named } from './named.ts';
import { z } from './zod-locale.ts';

/** The four meetings of 三会一课, in the order the page shows them. */
export const THREE_ONE_TYPES = ['members_assembly', 'branch_committee', 'group_meeting', 'party_lecture'] as const;

export const CockpitQuery = z.object({
  orgId: z.string().uuid('编号格式不正确').optional(),
  year: z.coerce.number().int('年份须为整数').min(2000, '年份不能早于 2000 年').max(2100, '年份不能晚于 2100 年').optional(),
});

const OrgRef = z.object({ id: z.string(), name: z.string(), type: z.enum(['committee', 'general_branch', 'branch', 'group']) });
const Meetings = z.object({
  members_assembly: z.number(),
  branch_committee: z.number(),
  group_meeting: z.number(),
  party_lecture: z.number(),
  theme_day: z.number(),
  life_meeting: z.number(),
  committee_meeting: z.number(),
  central_group_study: z.number(),
  heart_talk: z.number(),
});
const ThreeOne = z.object({ branches: z.number(), met: z.number(), rate: z.number().nullable() });

export const CockpitOut = z.object({
  org: OrgRef,
  /** from the caller's top org in scope down to `org` */
  trail: z.array(OrgRef.pick({ id: true, name: true })),
  year: z.number(),
  asOf: z.string(),
  headline: z.object({
    orgs: z.object({ committee: z.number(), general_branch: z.number(), branch: z.number(), group: z.number() }),
    members: z.object({ full: z.number(), probationary: z.number(), total: z.number() }),
    meetings: Meetings,
    threeOneMeetings: z.number(),
    firstTopics: z.number(),
    studyHours: z.number(),
    studyHoursPerMember: z.number(),
    threeOne: ThreeOne,
    fivegood: z.object({
      campaign: z.object({ name: z.string(), status: z.string() }).nullable(),
      byStatus: z.record(z.string(), z.number()),
      named: z.number(),
    }),
    warnings: z.object({ total: z.number(), error: z.number(), warning: z.number(), notice: z.number(), asOf: z.string() }),
    transfersOpen: z.number(),
  }),
  monthly: z.array(
    z.object({ month: z.number(), meetings: z.number(), threeOneMeetings: z.number(), studyHours: z.number(), firstTopics: z.number() }),
  ),
  children: z.array(
    z.object({
      org: OrgRef,
      members: z.number(),
      branches: z.number(),
      meetings: z.number(),
      threeOneMeetings: z.number(),
      firstTopics: z.number(),
      studyHours: z.number(),
      studyHoursPerMember: z.number(),
      threeOneRate: z.number().nullable(),
      transfersOpen: z.number(),
    }),
  ),
});
export type CockpitOutT = z.infer<typeof CockpitOut>;

named('cockpit', { Cockpit: CockpitOut });
