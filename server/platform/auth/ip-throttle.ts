import { AppError } from '../errors.ts';

/**
 * Per-IP login throttle: at most `perMinute` failed attempts in a minute and `perHour` in an hour
 * (Discourse's 6 and 30). It counts failures only, so an office behind one NAT can log in together.
 */
export function createIpThrottle(perMinute = 6, perHour = 30) {
  const failures = new Map<string, number[]>();
  const recent = (ip: string, now: number) => {
    const list = (failures.get(ip) ?? []).filter((t) => now - t < 3_600_000);
    failures.set(ip, list);
    return list;
  };
  return {
    /** Throws 429 when the IP is over either limit. */
    check(ip: string, now: Date) {
      const t = now.getTime();
      const list = recent(ip, t);
      const lastMinute = list.filter((x) => t - x < 60_000);
      let retryAfter = 0;
      if (lastMinute.length >= perMinute) retryAfter = Math.ceil((lastMinute[0] + 60_000 - t) / 1000);
      else if (list.length >= perHour) retryAfter = Math.ceil((list[0] + 3_600_000 - t) / 1000);
      if (retryAfter > 0) throw new AppError('RATE_LIMITED', `登录尝试过于频繁，请 ${retryAfter} 秒后再试`, { retryAfter });
    },
    fail(ip: string, now: Date) {
      recent(ip, now.getTime()).push(now.getTime());
    },
  };
}
export type IpThrottle = ReturnType<typeof createIpThrottle>;
