// The browser specs' HTTP helpers: set up data through the same API the UI uses, with a real session.
import { BASE_URL, expect } from './helpers.ts';

export type Session = { cookie: string; csrf: string };
/** A parsed JSON answer (`{}` when the body is empty or not JSON); specs read the fields they asserted on. */
type Json = ReturnType<typeof JSON.parse>;

/** API calls against `base()` (the shared e2e server by default, or a spec's own demo server). */
export function apiClient(base: () => string = () => BASE_URL) {
  async function call(s: Session | null, method: string, url: string, body?: unknown) {
    const res = await fetch(`${base()}${url}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json: Json = res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : {};
    return { status: res.status, json, headers: res.headers };
  }

  /** Logs in; null when the password is wrong. */
  async function apiLogin(username: string, password: string): Promise<(Session & { mustChange: boolean }) | null> {
    const r = await call(null, 'POST', '/api/auth/login', { username, password });
    if (r.status !== 200) return null;
    return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0], csrf: r.json.csrfToken, mustChange: r.json.mustChangePassword };
  }

  /** A session of `username`, trying each known password and doing the forced first change to `final` when asked. */
  async function sessionOf(username: string, passwords: string[], final: string): Promise<Session> {
    for (const p of passwords) {
      const s = await apiLogin(username, p);
      if (!s) continue;
      if (!s.mustChange) return s;
      expect((await call(s, 'POST', '/api/auth/password', { oldPassword: p, newPassword: final })).status).toBe(204);
      const again = await apiLogin(username, final);
      if (again) return again;
    }
    throw new Error(`cannot log in as ${username}`);
  }

  return { call, apiLogin, sessionOf };
}
