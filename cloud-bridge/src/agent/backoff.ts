/**
 * Exponential backoff with full jitter between a floor and a cap: the n-th wait in a row is
 * uniform in [min, min(max, min·2ⁿ⁺¹)]. The jitter keeps many sites from knocking on a
 * recovering central server in step; the floor keeps a dead link from being polled in a loop.
 */
export class Backoff {
  #failures = 0;

  constructor(private readonly minMs: number, private readonly maxMs: number, private readonly random: () => number = Math.random) {
    if (!(minMs > 0 && maxMs >= minMs)) throw new RangeError(`backoff needs 0 < min <= max, got ${minMs} and ${maxMs}`);
  }

  /** How long to wait after one more failure. */
  next(): number {
    const ceiling = Math.min(this.maxMs, this.minMs * 2 ** Math.min(this.#failures + 1, 40));
    this.#failures += 1;
    return this.minMs + Math.floor(this.random() * (ceiling - this.minMs));
  }

  reset(): void {
    this.#failures = 0;
  }

  get failures(): number {
    return this.#failures;
  }
}
