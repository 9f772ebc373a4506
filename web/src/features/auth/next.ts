/** Query-cache key of the last login answer (username for the password checklist; never persisted). */
export const LOGIN_KEY = ['auth', 'login'] as const;

/** Only same-site paths are followed after login (no open redirect). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login') || next.startsWith('/password')) return '/';
  return next;
}
