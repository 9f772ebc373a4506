import { hash, verify } from '@node-rs/argon2';
import { desc, eq } from 'drizzle-orm';
import { DEFAULT_SECURITY_POLICY, type SecurityPolicy, SecurityPolicySchema } from '../../../common/security-policy.ts';
import type { Db } from '../../db/client.ts';
import { days } from '../clock.ts';
import { AppError } from '../errors.ts';
import { cachedSetting, readSetting } from '../settings/settings.service.ts';
import { passwordProblem } from './password.rules.ts';
import { passwordHistory, users } from './user.table.ts';

// algorithm 2 = Argon2id (the package's const enum cannot be imported under isolatedModules)
const ARGON = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** argon2id; the encoded string carries algorithm and parameters, so costs can be raised later. */
export const hashPassword = (pw: string) => hash(pw, ARGON);

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against for unknown users so timing does not reveal them. */
let dummyHash: Promise<string> | null = null;
export const dummyPasswordHash = () => {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  return dummyHash;
};

export const securityPolicy = (db: Db): Promise<SecurityPolicy> =>
  cachedSetting(db, 'security_policy', () => readSetting(db, 'security_policy', SecurityPolicySchema, DEFAULT_SECURITY_POLICY));

export function passwordExpiresAt(changedAt: Date, policy: SecurityPolicy): Date {
  return new Date(changedAt.getTime() + days(policy.expiryDays));
}

/**
 * Validates `pw` for the user (policy + history), then stores it. `mustChange` marks an admin-set password
 * (reset or initial) that the user must replace at the next login.
 */
export async function setPassword(
  db: Db,
  opts: { userId: string; username: string; isAdmin: boolean; pw: string; now: Date; mustChange: boolean },
): Promise<void> {
  const policy = await securityPolicy(db);
  const problem = passwordProblem(opts.pw, { username: opts.username, isAdmin: opts.isAdmin, policy });
  if (problem) throw new AppError('WEAK_PASSWORD', problem);
  const recent = await db
    .select({ hash: passwordHistory.hash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, opts.userId))
    .orderBy(desc(passwordHistory.createdAt))
    .limit(policy.historyCount);
  for (const r of recent) {
    if (await verifyPassword(r.hash, opts.pw)) throw new AppError('WEAK_PASSWORD', `不能使用最近 ${policy.historyCount} 次用过的口令`);
  }
  const h = await hashPassword(opts.pw);
  await db
    .update(users)
    .set({ passwordHash: h, passwordChangedAt: opts.now, mustChangePassword: opts.mustChange, updatedAt: opts.now })
    .where(eq(users.id, opts.userId));
  await db.insert(passwordHistory).values({ userId: opts.userId, hash: h, createdAt: opts.now });
}
