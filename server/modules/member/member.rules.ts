import { addMonths, type MemberCategory } from '../../../common/member.ts';

/**
 * 转正 not before the probation ends (domain.md §3.1): probation is `probationMonths` (rule table, 12) from the
 * branch members' meeting's admission, the 入党日期. Used by registration, edits and the import alike.
 */
export function conversionProblem(
  m: { category?: MemberCategory; joinedOn?: string | null; fullMemberOn?: string | null },
  probationMonths: number,
): { field: 'fullMemberOn'; message: string } | null {
  if (m.category !== 'full' || !m.joinedOn || !m.fullMemberOn) return null;
  const due = addMonths(m.joinedOn, probationMonths);
  if (m.fullMemberOn >= due) return null;
  return {
    field: 'fullMemberOn',
    message: `转为正式党员日期不能早于预备期满（入党日期 ${m.joinedOn} 起 ${probationMonths} 个月，即 ${due}）`,
  };
}
