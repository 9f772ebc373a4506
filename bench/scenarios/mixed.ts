// B6: the mixed workload — 80 % reads, 15 % writes, 5 % cockpit and exports — at 500 connections for a fixed time,
// the load in a separate process (bench/mixed.ts). Every request of the list is tried once first: a failing one
// is an error of the run, not silently dropped.
import { spawn } from 'node:child_process';
import { rssMb } from '../load.ts';
import type { Target } from './http.ts';
import type { ScenarioResult } from './result.ts';

type Req = { method: string; path: string; headers: Record<string, string>; body?: string };

/** The request list: 32 reads, 6 meeting writes, 1 cockpit and 1 cockpit export in 40. */
function requestList(t: Target, orgId: string, attendeeIds: string[], year: number): Req[] {
  const as = { cookie: t.cookie };
  const sasac = { cookie: t.sasacCookie };
  const get = (path: string, headers = as): Req => ({ method: 'GET', path, headers });
  const reads = [
    ...[1, 2, 3, 4].map((p) => get(`/api/members?category=full&sort=name&order=asc&page=${p}&pageSize=20`)),
    get('/api/members?page=1&pageSize=20'),
    get('/api/meetings'),
    get('/api/orgs'),
    get('/api/auth/me'),
  ];
  const write: Req = {
    method: 'POST',
    path: '/api/meetings',
    headers: { ...as, 'content-type': 'application/json', 'x-csrf-token': t.csrf },
    body: JSON.stringify({
      orgId,
      type: 'committee_meeting',
      title: '压测混合负载党委会',
      startsAt: `${year}-03-02T09:00:00+08:00`,
      endsAt: `${year}-03-02T11:00:00+08:00`,
      place: '党委会议室',
      host: '党委书记',
      recorder: '党委委员',
      attendeeIds: attendeeIds.slice(0, 9),
    }),
  };
  const out: Req[] = [];
  for (let i = 0; i < 32; i++) out.push(reads[i % reads.length]);
  for (let i = 0; i < 6; i++) out.splice(i * 6 + 3, 0, write);
  out.push(get(`/api/cockpit?year=${year}`, sasac), get(`/api/cockpit/export?year=${year}`, sasac));
  return out;
}

async function tryOnce(base: string, list: Req[]): Promise<string[]> {
  const failed: string[] = [];
  for (const r of new Map(list.map((x) => [`${x.method} ${x.path}`, x])).values()) {
    const res = await fetch(`${base}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
    await res.arrayBuffer();
    if (res.status >= 300) failed.push(`${r.method} ${r.path.split('?')[0]} → ${res.status}`);
  }
  return failed;
}

/** B6 at `connections` for `seconds`. */
export async function b6(t: Target, orgId: string, attendeeIds: string[], year: number, connections: number, seconds: number) {
  const requests = requestList(t, orgId, attendeeIds, year);
  const failed = await tryOnce(t.appUrl, requests);
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(t.pid));
  }, 200);
  const spec = JSON.stringify({ url: t.appUrl, connections, seconds, requests });
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/mixed.ts', spec], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
    });
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`mixed load exited ${code}`))));
  });
  clearInterval(timer);
  const r = JSON.parse(out);
  const res: ScenarioResult = {
    id: 'B6',
    db: t.db,
    scale: t.scale,
    rps: r.requests.average,
    p50_ms: r.latency.p50,
    p95_ms: r.latency.p90 + ((r.latency.p97_5 - r.latency.p90) * 5) / 7.5,
    p99_ms: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx + failed.length,
    rss_mb: peak,
    ceiling_rps: null,
    ratio: null,
    note: `${connections} connections × ${seconds} s, 32 reads : 6 writes : 2 cockpit/export; 目标 ≥ 1,500 rps, p99 ≤ 200 ms${failed.length ? `; failed alone: ${failed.join(', ')}` : ''}`,
  };
  return res;
}
