/**
 * The `capacity` most recently used values, by key: results of work whose inputs repeat (the same
 * suggestion button pressed by many people sends the same text), or copies worth keeping in memory.
 */
export class RecentResults<T> {
  private readonly held = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  get(key: string, compute: () => T): T {
    const hit = this.recall(key);
    if (hit !== undefined) return hit;
    const value = compute();
    this.keep(key, value);
    return value;
  }

  /** The value kept for `key`, now the most recently used, or undefined. */
  recall(key: string): T | undefined {
    const hit = this.held.get(key);
    if (hit !== undefined) {
      // Re-inserting moves the key to the newest end of the Map's order.
      this.held.delete(key);
      this.held.set(key, hit);
    }
    return hit;
  }

  /** Keeps `value` for `key` as the most recently used, dropping the least recently used past capacity. */
  keep(key: string, value: T): void {
    this.held.delete(key);
    this.held.set(key, value);
    if (this.held.size > this.capacity) this.held.delete(this.held.keys().next().value as string);
  }

  /** Drops a kept value; with `onlyIf`, only while that is still the one kept (not a newer one). */
  forget(key: string, onlyIf?: T): void {
    if (onlyIf === undefined || this.held.get(key) === onlyIf) this.held.delete(key);
  }
}

/** As `get`, for work that is promised: a promise that fails is forgotten, so the next call tries again. */
export function keptUnlessFailed<T>(held: RecentResults<Promise<T>>, key: string, start: () => Promise<T>): Promise<T> {
  return held.get(key, () => {
    const started = start();
    started.catch(() => held.forget(key, started));
    return started;
  });
}
