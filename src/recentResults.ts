/**
 * The last `capacity` results of a pure function, by key, most recently used kept longest. For work
 * whose inputs repeat: the same suggestion button pressed by many people sends the same text.
 */
export class RecentResults<T> {
  private readonly held = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  get(key: string, compute: () => T): T {
    const hit = this.held.get(key);
    if (hit !== undefined) {
      // Re-inserting moves the key to the newest end of the Map's order.
      this.held.delete(key);
      this.held.set(key, hit);
      return hit;
    }
    const value = compute();
    this.held.set(key, value);
    if (this.held.size > this.capacity) this.held.delete(this.held.keys().next().value as string);
    return value;
  }

  /** Drops a kept result; with `onlyIf`, only while that is still the one kept (not a newer one). */
  forget(key: string, onlyIf?: T): void {
    if (onlyIf === undefined || this.held.get(key) === onlyIf) this.held.delete(key);
  }
}
