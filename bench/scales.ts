/**
 * Data scales of performance.md; `quick` is the prefecture's org tree and roster with a month of meetings. `region`
 * has 4,800 branches (400 enterprises × 12), B5 reports its time and the time per 5,000.
 */
export type Scale = {
  name: 'quick' | 'prefecture' | 'region';
  /** the scale a result is reported under (quick runs are prefecture-sized rosters) */
  reportAs: 'prefecture' | 'region';
  enterprises: number;
  branchesPerEnterprise: number;
  groupsPerBranch: number;
  membersPerBranch: number;
  meetingsPerBranch: number;
  firstTopics: number;
  /** study records of the year per member (one attendee each) */
  studyPerMember: number;
};

export const SCALES: Record<Scale['name'], Scale> = {
  quick: {
    name: 'quick',
    reportAs: 'prefecture',
    enterprises: 40,
    branchesPerEnterprise: 10,
    groupsPerBranch: 3,
    membersPerBranch: 20,
    meetingsPerBranch: 12,
    firstTopics: 400,
    studyPerMember: 5,
  },
  prefecture: {
    name: 'prefecture',
    reportAs: 'prefecture',
    enterprises: 40,
    branchesPerEnterprise: 10,
    groupsPerBranch: 3,
    membersPerBranch: 20,
    meetingsPerBranch: 150,
    firstTopics: 5_000,
    studyPerMember: 50,
  },
  region: {
    name: 'region',
    reportAs: 'region',
    enterprises: 400,
    branchesPerEnterprise: 12,
    groupsPerBranch: 3,
    membersPerBranch: 20,
    meetingsPerBranch: 140,
    firstTopics: 60_000,
    studyPerMember: 20,
  },
};
