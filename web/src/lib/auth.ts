import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { LoginResult, Me } from '../../../common/auth.ts';
import { api, setCsrfToken } from './api.ts';

export type { LoginResult, Me, RoleGrant } from '../../../common/auth.ts';

export const ME_KEY = ['auth', 'me'] as const;

/** Fetches the caller (and keeps its CSRF token for the next writes). */
export async function fetchMe(): Promise<Me> {
  const me = await api<Me>('/api/auth/me');
  setCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in user, roles and permissions; the source of every menu and button. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** Logs in; the session cookie is HttpOnly, only the CSRF token is kept (in memory). */
export async function login(username: string, password: string): Promise<LoginResult> {
  const r = await api<LoginResult>('/api/auth/login', { method: 'POST', body: { username, password } });
  setCsrfToken(r.csrfToken);
  return r;
}

/** Logs out and drops every cached answer of the previous user. */
export async function logout(qc: QueryClient): Promise<void> {
  try {
    await api('/api/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(null);
    qc.clear();
  }
}

/** Changes the caller's own password. */
export function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  return api('/api/auth/password', { method: 'POST', body: { oldPassword, newPassword } });
}
