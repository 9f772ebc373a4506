// The one HTTP client of the web app: JSON, same-origin cookie session, CSRF header on state changes,
// `{code,message}` errors thrown as ApiError, and the 401 / forced-password redirects.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;
export type ApiOptions = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown; query?: Query };

// Kept in memory only: never in localStorage/sessionStorage (security.md 剩余信息保护).
let csrfToken: string | null = null;
let navigate: (to: string) => void = (to) => window.location.assign(to);
let redirecting = false;

/** Remembers the session's CSRF token (from the login response or /api/auth/me). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Whether a CSRF token is known in this page (lost on reload until /api/auth/me answers). */
export function hasCsrfToken(): boolean {
  return csrfToken !== null;
}

/** Lets the router perform the login / password redirects without a page reload. */
export function setNavigator(fn: (to: string) => void) {
  navigate = fn;
}

/** Builds `/path?query` leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

function currentPath(): string {
  return window.location.pathname + window.location.search;
}

function redirectOnce(to: string) {
  if (redirecting) return;
  redirecting = true;
  navigate(to);
  setTimeout(() => {
    redirecting = false;
  }, 500);
}

/** Turns a failed response into an ApiError, redirecting to /login or /password where the code says so. */
async function toError(res: Response): Promise<ApiError> {
  let body: { code?: string; message?: string } = {};
  try {
    body = await res.json();
  } catch {
    // non-JSON error bodies (a proxy page) keep the generic message below
  }
  const code = body.code ?? `HTTP_${res.status}`;
  const message = body.message ?? (res.status === 413 ? '文件过大' : `请求失败（${res.status}）`);
  const here = window.location.pathname;
  if (res.status === 401 && code === 'UNAUTHENTICATED' && here !== '/login') {
    csrfToken = null;
    redirectOnce(`/login?next=${encodeURIComponent(currentPath())}`);
  }
  if (res.status === 403 && code === 'PASSWORD_CHANGE_REQUIRED' && here !== '/password')
    redirectOnce(`/password?next=${encodeURIComponent(currentPath())}`);
  return new ApiError(res.status, code, message, body);
}

/** Whether an error was already handled by a redirect (and needs no message). */
export function isRedirectError(e: unknown): boolean {
  return e instanceof ApiError && (e.code === 'UNAUTHENTICATED' || e.code === 'PASSWORD_CHANGE_REQUIRED');
}

async function send(path: string, opts: ApiOptions = {}): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(withQuery(path, opts.query), { method, headers, body, credentials: 'same-origin' });
  if (!res.ok) throw await toError(res);
  return res;
}

/** Calls a JSON API route; resolves to the parsed body (undefined for 204). */
export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : undefined) as T;
}

/** File name from `Content-Disposition` (RFC 5987 `filename*` first). */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) return decodeURIComponent(star[1].trim());
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1] : null;
}

/** Downloads an xlsx/docx/attachment through the API and saves it under the server's file name. */
export async function download(path: string, query?: Query, fallbackName = '下载文件'): Promise<void> {
  const res = await send(withQuery(path, query));
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = dispositionName(res.headers.get('content-disposition')) ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
