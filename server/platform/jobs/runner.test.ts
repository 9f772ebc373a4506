import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, TEST_PASSWORD, type TestApp } from '../../test/build-test-app.ts';
import { buildUser } from '../../test/factories.ts';
import { users } from '../auth/user.table.ts';
import { cstDate, hours } from '../clock.ts';
import { notify } from '../notify/notify.service.ts';
import { notifications } from '../notify/notify.table.ts';
import type { Job } from './job.ts';
import { runDueJobs } from './runner.ts';

let t: TestApp;
const calls: Record<string, string[]> = { a: [], b: [] };
const names = ['test.reminder', 'test.broken', 'test.after'];
let userId: string;

const testJobs: Job[] = [
  {
    name: 'test.reminder',
    run: async (ctx) => {
      calls.a.push(cstDate(ctx.now));
      const n = await notify(ctx, { userIds: [userId], kind: 'test', title: '每日提醒', dedupeKey: `daily:${cstDate(ctx.now)}` });
      return `sent ${n}`;
    },
  },
  {
    name: 'test.broken',
    run: async () => {
      throw new Error('数据源不可用');
    },
  },
  {
    name: 'test.after',
    run: async (ctx) => {
      calls.b.push(cstDate(ctx.now));
      return undefined;
    },
  },
];

beforeAll(async () => {
  t = await buildTestApp();
  userId = (await buildUser(t)).id;
});
afterAll(async () => {
  await t.close();
});

describe('daily job runner', () => {
  it('runs each job once per CST day, again the next day, and one failing job does not stop the others', async () => {
    t.clock.set('2026-03-02T23:30:00+08:00');
    expect(await runDueJobs(t.db, t.env, testJobs, names)).toEqual({
      'test.reminder': 'sent 1',
      'test.broken': 'error: 数据源不可用',
      'test.after': 'ok',
    });
    t.clock.advance(hours(0.4));
    expect(await runDueJobs(t.db, t.env, testJobs, names)).toEqual({});
    expect(calls.a).toEqual(['2026-03-02']);

    // 00:10 CST is still 16:10 UTC the day before: the CST calendar decides
    t.clock.set('2026-03-03T00:10:00+08:00');
    const next = await runDueJobs(t.db, t.env, testJobs, names);
    expect(next['test.reminder']).toBe('sent 1');
    expect(calls).toEqual({ a: ['2026-03-02', '2026-03-03'], b: ['2026-03-02', '2026-03-03'] });
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, userId))).toHaveLength(2);
  });

  it('the reminders reach the bell', async () => {
    const [u] = await t.db.select().from(users).where(eq(users.id, userId));
    const a = await login(t, u!.username, TEST_PASSWORD);
    expect((await a.get('/api/notifications')).json()).toMatchObject({ total: 2, unread: 2 });
  });
});
