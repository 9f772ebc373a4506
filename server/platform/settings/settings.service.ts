import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { cacheGeneration, invalidateCaches } from '../cache.ts';
import { settings } from './settings.table.ts';

/** Reads a settings document, falling back to `fallback` (merged, so new keys get their defaults). */
export async function readSetting<S extends z.ZodType>(db: Db, key: string, schema: S, fallback: z.infer<S>): Promise<z.infer<S>> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  if (!row) return fallback;
  const merged = schema.safeParse({ ...(fallback as object), ...(row.value as object) });
  return merged.success ? merged.data : fallback;
}

// Other instances' writes: a document is read again after 5 s at most. Writes in this process invalidate it at once.
const CACHE_MS = 5_000;
const cache = new WeakMap<object, Map<string, { at: number; gen: number; value: Promise<unknown> }>>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * A settings document read at most once per 5 s per database handle (the guard and the rule table are read on
 * every request); any write in this process (platform/cache.ts) refreshes it at once, other instances within 5 s. Callers share one
 * deep-frozen document (copying the rule table on every request cost more than the request's own work): a caller
 * that wants to change it copies it first.
 */
export async function cachedSetting<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  let byKey = cache.get(db);
  if (!byKey) {
    byKey = new Map();
    cache.set(db, byKey);
  }
  let hit = byKey.get(key);
  if (!hit || hit.gen !== cacheGeneration() || Date.now() - hit.at >= CACHE_MS) {
    const entry = { at: Date.now(), gen: cacheGeneration(), value: load().then(deepFreeze) as Promise<unknown> };
    const map = byKey;
    map.set(key, entry);
    entry.value.catch(() => map.get(key) === entry && map.delete(key));
    hit = entry;
  }
  return (await hit.value) as T;
}

export async function writeSetting(db: Db, key: string, value: unknown, by: string | null, now: Date) {
  invalidateCaches();
  await db
    .insert(settings)
    .values({ key, value, updatedAt: now, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, updatedBy: by } });
  invalidateCaches();
}
