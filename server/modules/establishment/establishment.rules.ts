import type { OrgType } from '../../../common/access.ts';
import type { Rules } from '../../platform/rules/rules.service.ts';
import { addMonths, type TermState } from '../committee/term.rules.ts';

export type WarningLevel = 'error' | 'warning' | 'notice';
export type Finding = { level: WarningLevel; code: string; message: string };

/** The facts about one org that the establishment rules (domain.md §2.2) look at. */
export type OrgFacts = {
  type: OrgType;
  joint: boolean;
  temporary: boolean;
  /** 成立日期, else the day it was recorded */
  since: string | null;
  /** units a joint branch covers */
  unitCount: number;
  /** active members in the org's subtree (a branch counts its groups' members) */
  members: number;
  fullMembers: number;
  /** the current leadership roster (支部委员会 or the secretary alone), null when none is recorded */
  committee: { size: number; duties: string[]; term: TermState; departed?: number } | null;
  today: string;
};

const SECRETARY_ONLY = new Set(['secretary', 'deputy_secretary']);

function branchFindings(f: OrgFacts, r: Rules): Finding[] {
  const b = r.org_structure.branch;
  const out: Finding[] = [];
  if (f.fullMembers < b.min_full_members && !f.joint)
    out.push({
      level: 'warning',
      code: 'FEW_FULL_MEMBERS',
      message: `正式党员 ${f.fullMembers} 人，不足 ${b.min_full_members} 人，应与邻近单位成立联合党支部`,
    });
  if (f.joint && f.unitCount > b.joint_branch_max_units)
    out.push({
      level: 'error',
      code: 'JOINT_TOO_MANY_UNITS',
      message: `联合党支部覆盖 ${f.unitCount} 个单位，超过 ${b.joint_branch_max_units} 个，应拆分`,
    });
  if (f.members > b.max_members_generally)
    out.push({
      level: 'warning',
      code: 'TOO_MANY_MEMBERS',
      message: `党员 ${f.members} 人，超过 ${b.max_members_generally} 人，宜拆分支部或成立党总支`,
    });
  const need = b.committee_required_if_full_members_gte;
  const size = f.committee?.size ?? 0;
  const { min, typical_max, max } = b.committee_size;
  if (f.fullMembers >= need) {
    if (size < min)
      out.push({
        level: 'error',
        code: 'COMMITTEE_REQUIRED',
        message: `正式党员 ${f.fullMembers} 人（${need} 人以上），应设立由 ${min}—${typical_max} 人组成的支部委员会`,
      });
  } else if (f.committee && (size > 2 || f.committee.duties.some((d) => !SECRETARY_ONLY.has(d)))) {
    out.push({
      level: 'notice',
      code: 'SECRETARY_ONLY',
      message: `正式党员不足 ${need} 人，一般不设支部委员会，只设书记（必要时设副书记）`,
    });
  }
  if (size >= min || f.fullMembers >= need) {
    if (size > max) out.push({ level: 'error', code: 'COMMITTEE_SIZE', message: `支部委员会 ${size} 人，超出 ${min}—${max} 人的范围` });
    else if (size > typical_max)
      out.push({
        level: 'notice',
        code: 'COMMITTEE_SIZE_TYPICAL',
        message: `支部委员会 ${size} 人；一般为 ${min}—${typical_max} 人，最多 ${max} 人`,
      });
  }
  if (f.temporary && f.since && f.since <= addMonths(f.today, -b.project_branch_min_months))
    out.push({
      level: 'notice',
      code: 'TEMPORARY_LONG',
      message: `临时党支部已设立满 ${b.project_branch_min_months} 个月，符合条件的应设立正式党支部`,
    });
  return out;
}

function sizeFindings(f: OrgFacts, r: Rules): Finding[] {
  const s = r.org_structure;
  if (f.type === 'general_branch') {
    const { min, max } = s.general_branch.typical_members;
    if (f.members < min || f.members > max)
      return [{ level: 'notice', code: 'GENERAL_BRANCH_SIZE', message: `党员 ${f.members} 人；党总支一般为 ${min}—${max} 人` }];
  }
  if (f.type === 'committee' && f.members < s.committee.typical_members_min)
    return [
      {
        level: 'notice',
        code: 'COMMITTEE_ORG_SIZE',
        message: `党员 ${f.members} 人；基层党委一般在党员 ${s.committee.typical_members_min} 人以上时设立`,
      },
    ];
  if (f.type === 'group' && (f.members < s.group.min_people || f.fullMembers < s.group.min_full_members))
    return [
      {
        level: 'warning',
        code: 'GROUP_TOO_SMALL',
        message: `党小组 ${f.members} 人（正式党员 ${f.fullMembers} 人）；一般不少于 ${s.group.min_people} 人且至少 ${s.group.min_full_members} 名正式党员`,
      },
    ];
  return [];
}

function termFindings(f: OrgFacts): Finding[] {
  const out: Finding[] = [];
  const gone = f.committee?.departed ?? 0;
  if (gone > 0)
    out.push({ level: 'warning', code: 'COMMITTEE_MEMBER_LEFT', message: `${gone} 名委员已转出或不再在册，请及时补选或调整分工` });
  const t = f.committee?.term;
  if (!t || t.kind === 'ok') return out;
  if (t.kind === 'overdue')
    out.push({ level: 'error', code: 'TERM_OVERDUE', message: `任期已于 ${t.endsOn} 届满，逾期 ${t.daysOverdue} 天未换届` });
  else out.push({ level: 'notice', code: 'TERM_DUE', message: `任期将于 ${t.endsOn} 届满，请提前做好换届准备` });
  return out;
}

/** Every establishment finding for one org (domain.md §2.2), most severe first. */
export function orgFindings(f: OrgFacts, r: Rules): Finding[] {
  const order: Record<WarningLevel, number> = { error: 0, warning: 1, notice: 2 };
  const all = [...(f.type === 'branch' ? branchFindings(f, r) : []), ...sizeFindings(f, r), ...termFindings(f)];
  return all.sort((a, b) => order[a.level] - order[b.level]);
}
