// The one cache policy of the server. A value is kept per database handle under a slot and served only while its key
// is current. The key names what the value was computed from that the database versions (row versions the roll-up
// triggers bump on every write, the date, the rule table); on top of it every committed write transaction of this
// process (withTx) invalidates every kept value. No time-to-live: nothing is served stale on a timer.

let generation = 0;

/** Marks every kept value stale (called after each committed write transaction, see platform/context.ts). */
export function invalidateCaches(): void {
  generation++;
}

/** The current write generation (for a cache that keeps its own entries, e.g. the settings documents). */
export const cacheGeneration = () => generation;

type Entry<V> = { key: string | null; gen: number; value: V | undefined; running: Promise<void> | null };

/**
 * A cache of values by slot and key: `get(db, slot, key, compute)` returns the kept value when it was computed for
 * `key` since the last write, else computes it (one computation per slot at a time; a caller whose key differs waits
 * for it and then for its own).
 */
export function keyedCache<V>(maxSlots = 10_000) {
  const byDb = new WeakMap<object, Map<string, Entry<V>>>();
  return async function get(db: object, slot: string, key: string, compute: () => Promise<V>): Promise<V> {
    let slots = byDb.get(db);
    if (!slots) {
      slots = new Map();
      byDb.set(db, slots);
    }
    if (slots.size >= maxSlots) slots.clear();
    const e = slots.get(slot) ?? { key: null, gen: -1, value: undefined, running: null };
    slots.set(slot, e);
    const since = generation;
    for (;;) {
      if (e.value !== undefined && e.key === key && e.gen >= since) return e.value;
      if (!e.running) {
        const gen = generation;
        e.running = compute()
          .then((v) => {
            Object.assign(e, { key, gen, value: v });
          })
          .finally(() => {
            e.running = null;
          });
      }
      await e.running;
    }
  };
}
