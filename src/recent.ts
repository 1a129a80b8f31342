/**
 * A small map of recent results of a pure computation, by key: the API servers of one app mostly
 * compute the same thing (a checksum, a YAML file), and this keeps the last few results. It holds
 * at most `size` entries; the oldest goes first. @internal
 */
export class RecentResults<V> {
  private readonly results = new Map<string, V>();

  constructor(private readonly size: number) {}

  /** The kept result for `key`, or `compute()`'s, kept for next time. */
  public get(key: string, compute: () => V): V {
    let result = this.results.get(key);
    if (result === undefined) {
      result = compute();
      if (this.results.size >= this.size) {
        this.results.delete(this.results.keys().next().value!);
      }
      this.results.set(key, result);
    }
    return result;
  }
}
