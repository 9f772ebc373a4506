import { DEFAULT_SECURITY_POLICY } from '../../../../common/security-policy.ts';

export type RuleCheck = { label: string; ok: boolean };

function classes(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(pw)).length;
}

/** The live checklist under the new-password field; the server re-checks everything (history, common words). */
export function passwordChecklist(pw: string, confirm: string, username: string | null, isAdmin: boolean | null): RuleCheck[] {
  const p = DEFAULT_SECURITY_POLICY;
  const min = isAdmin ? p.adminMinLength : p.minLength;
  const lengthLabel = isAdmin === null ? `至少 ${p.minLength} 位（三员账号至少 ${p.adminMinLength} 位）` : `至少 ${min} 位`;
  const list: RuleCheck[] = [
    { label: lengthLabel, ok: [...pw].length >= min },
    { label: `包含大写字母、小写字母、数字、符号中的至少 ${p.minClasses} 类`, ok: classes(pw) >= p.minClasses },
  ];
  if (username && username.length >= 3)
    list.push({ label: '不包含用户名', ok: pw.length > 0 && !pw.toLowerCase().includes(username.toLowerCase()) });
  list.push({ label: '两次输入一致', ok: pw.length > 0 && pw === confirm });
  return list;
}
