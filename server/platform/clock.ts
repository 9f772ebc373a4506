/** The injectable clock: every deadline, lockout and expiry reads time through it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A settable clock for tests: `clock.set('2026-01-01T00:00:00Z')`, `clock.advance(minutes(31))`. */
export function fakeClock(start: string | Date = '2026-03-01T08:00:00+08:00') {
  let t = new Date(start).getTime();
  const clock = (() => new Date(t)) as Clock & {
    set(to: string | Date): void;
    advance(ms: number): void;
  };
  clock.set = (to) => {
    t = new Date(to).getTime();
  };
  clock.advance = (ms) => {
    t += ms;
  };
  return clock;
}

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;

/** Calendar date (YYYY-MM-DD) in China Standard Time, the time zone of every date users see. */
export function cstDate(d: Date): string {
  return new Date(d.getTime() + hours(8)).toISOString().slice(0, 10);
}
