import type { PasswordRules } from '../../../../common/security-policy.ts';
import { api } from '../../lib/api.ts';

export type RuleCheck = { label: string; ok: boolean };

export const PASSWORD_RULES_KEY = ['auth', 'password-rules'] as const;

/** The configured password rules for the signed-in account (also readable while a change is pending). */
export const fetchPasswordRules = () => api<PasswordRules>('/api/auth/password-rules');

function classes(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(pw)).length;
}

/**
 * The live checklist under the new-password field, from the policy the server has configured (`rules`; null while
 * it loads, which keeps the form from submitting); the server re-checks everything (history, common words).
 */
export function passwordChecklist(pw: string, confirm: string, username: string | null, rules: PasswordRules | null): RuleCheck[] {
  const list: RuleCheck[] = rules
    ? [
        { label: `至少 ${rules.minLength} 位`, ok: [...pw].length >= rules.minLength },
        { label: `包含大写字母、小写字母、数字、符号中的至少 ${rules.minClasses} 类`, ok: classes(pw) >= rules.minClasses },
      ]
    : [{ label: '正在读取口令规则…', ok: false }];
  if (username && username.length >= 3)
    list.push({ label: '不包含用户名', ok: pw.length > 0 && !pw.toLowerCase().includes(username.toLowerCase()) });
  list.push({ label: '两次输入一致', ok: pw.length > 0 && pw === confirm });
  return list;
}
