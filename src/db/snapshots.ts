export type SnapshotTopic = 'published' | 'directory';

type Entry = { generation: number; value: Promise<unknown> };

/**
 * In-memory copies of tables that change rarely: the published DfE data ('published') and the
 * user directory ('directory'). Asking SQLite for the same school's figures or the same user on
 * every turn was most of a turn's cost.
 *
 * Database triggers move a topic's generation on whenever one of its tables changes, whichever
 * process changed it; a copy is used only while its generation is current. The generations are read
 * at most once every `maxAgeMs`, so a change made elsewhere (an import, a user removed) is seen
 * within that time; with 0 they are read on every use.
 */
export class Snapshots {
  private readonly entries = new Map<string, Entry>();
  private generations = new Map<SnapshotTopic, number>();
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly readGenerations: () => Promise<Map<SnapshotTopic, number>>,
    private readonly maxAgeMs: number,
  ) {}

  /**
   * The copy of `key` under `topic`, loading it if there is none or the tables have changed since.
   * `keep` says whether a loaded value is worth holding (a miss may not be).
   */
  async get<T>(topic: SnapshotTopic, key: string, load: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
    await this.refresh();
    const generation = this.generations.get(topic) ?? 0;
    const id = `${topic}\u0000${key}`;
    const held = this.entries.get(id);
    if (held && held.generation === generation) return held.value as Promise<T>;
    const value = load();
    this.entries.set(id, { generation, value });
    const drop = () => {
      if (this.entries.get(id)?.value === value) this.entries.delete(id);
    };
    // A failed load is not remembered: the next turn tries again.
    value.then((v) => keep(v) || drop(), drop);
    return value;
  }

  private refresh(): Promise<void> {
    if (performance.now() - this.checkedAt < this.maxAgeMs) return Promise.resolve();
    this.checking ??= this.readGenerations()
      .then((current) => {
        for (const [topic, generation] of current) {
          if (this.generations.get(topic) !== generation) this.forget(topic);
        }
        this.generations = current;
        this.checkedAt = performance.now();
      })
      .finally(() => {
        this.checking = undefined;
      });
    return this.checking;
  }

  private forget(topic: SnapshotTopic): void {
    for (const id of this.entries.keys()) if (id.startsWith(`${topic}\u0000`)) this.entries.delete(id);
  }
}
