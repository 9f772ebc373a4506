// B1 (scoped member list page) and B3 (record a meeting with 30 attendees and its audit record): the app and its
// bare-driver ceiling in the same server process, alternating rounds, the load in a separate process.
import { alternate, runLoad } from '../load.ts';
import type { ScenarioResult } from './result.ts';

export type Target = {
  db: 'postgres' | 'pglite';
  scale: 'prefecture' | 'region';
  appUrl: string;
  ceilingUrl: string;
  pid: number;
  /** the bare Fastify "hello" route (B2's ceiling) */
  helloUrl: string;
  cookie: string;
  /** a 国资委党建工作人员 session (the whole SASAC in scope) */
  sasacCookie: string;
  csrf: string;
  rounds: number;
  seconds: number;
};

/** B1: 20 full members of the caller's scope (an enterprise's subtree), page 2, sorted by name, at 64 connections. */
export async function b1(t: Target, enterprisePath: string): Promise<ScenarioResult> {
  const c = 64;
  const q = `category=full&sort=name&order=asc&page=2&pageSize=20`;
  const ceilingQ = `path=${encodeURIComponent(`${enterprisePath}%`)}&category=full&offset=20`;
  const r = await alternate(
    t.rounds,
    () => runLoad({ url: `${t.appUrl}/api/members?${q}`, connections: c, seconds: t.seconds, headers: { cookie: t.cookie } }, t.pid),
    () => runLoad({ url: `${t.ceilingUrl}/b1?${ceilingQ}`, connections: c, seconds: t.seconds }, t.pid),
  );
  // diagnostic: the list plus the app's per-request session lookup (session, user, roles in one statement), bare driver
  const sid = encodeURIComponent(t.cookie.split('=')[1] ?? '');
  const full = await runLoad({ url: `${t.ceilingUrl}/b1-full?${ceilingQ}&sid=${sid}`, connections: c, seconds: t.seconds }, t.pid);
  const res = result('B1', t, r, r.app.errors + r.ceiling.errors + full.errors);
  res.note = `bare SQL incl. the app's per-request session lookup: ${Math.round(full.rps)} rps (ratio ${(r.app.rps / full.rps).toFixed(2)})`;
  return res;
}

/** B3: plan-and-record a 党委会 with 30 应到 from the roster, one audit record each, at 32 connections. */
export async function b3(t: Target, orgId: string, attendeeIds: string[], amount: number) {
  const c = 32;
  const body = JSON.stringify({
    orgId,
    type: 'committee_meeting',
    title: '压测党委会议',
    startsAt: '2026-03-02T09:00:00+08:00',
    endsAt: '2026-03-02T11:00:00+08:00',
    place: '党委会议室',
    host: '党委书记',
    recorder: '党委委员',
    attendeeIds,
  });
  const json = { 'content-type': 'application/json' };
  const r = await alternate(
    t.rounds,
    () =>
      runLoad(
        {
          url: `${t.appUrl}/api/meetings`,
          method: 'POST',
          connections: c,
          seconds: t.seconds,
          amount,
          headers: { ...json, cookie: t.cookie, 'x-csrf-token': t.csrf },
          body,
        },
        t.pid,
      ),
    () => runLoad({ url: `${t.ceilingUrl}/b3`, method: 'POST', connections: c, seconds: t.seconds, amount, headers: json, body }, t.pid),
  );
  return { result: result('B3', t, r, r.app.errors + r.ceiling.errors), appRequests: amount * t.rounds };
}

/** B2: the SASAC cockpit (headline figures and monthly series of the whole system) against a bare Fastify route. */
export async function b2(t: Target, year: number): Promise<ScenarioResult> {
  const c = 8;
  const r = await alternate(
    t.rounds,
    () =>
      runLoad(
        { url: `${t.appUrl}/api/cockpit?year=${year}`, connections: c, seconds: t.seconds, headers: { cookie: t.sasacCookie } },
        t.pid,
      ),
    () => runLoad({ url: `${t.helloUrl}/hello`, connections: c, seconds: t.seconds }, t.pid),
  );
  const res = result('B2', t, r, r.app.errors + r.ceiling.errors);
  const budget = t.db === 'postgres' ? 50 : 150;
  res.note = `${c} connections; p95 目标 ≤ ${budget} ms ${r.app.p95 <= budget ? '达标 / met' : '未达标 / missed'}; ceiling = bare Fastify hello`;
  return res;
}

function result(id: string, t: Target, r: Awaited<ReturnType<typeof alternate>>, errors: number): ScenarioResult {
  return {
    id,
    db: t.db,
    scale: t.scale,
    rps: r.app.rps,
    p50_ms: r.app.p50,
    p95_ms: r.app.p95,
    p99_ms: r.app.p99,
    errors,
    rss_mb: r.app.rssMb,
    ceiling_rps: r.ceiling.rps,
    ratio: r.ceiling.rps ? r.app.rps / r.ceiling.rps : null,
  };
}
