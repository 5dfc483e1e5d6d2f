/**
 * Writes of one transaction, run strictly one after another while the caller goes on
 * computing: a connection takes one statement at a time, but the hashing of the next
 * chunk need not wait for the database to finish the last.
 */
export class WriteQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #failed: unknown;

  push(write: () => Promise<unknown>): void {
    this.#tail = this.#tail.then(() => (this.#failed === undefined ? write() : undefined)).catch((error: unknown) => { this.#failed ??= error; });
  }

  /** Waits for every write; throws the first failure. */
  async done(): Promise<void> {
    await this.#tail;
    if (this.#failed !== undefined) throw this.#failed;
  }

  /** Waits until nothing is running any more, whatever happened. */
  async settled(): Promise<void> {
    await this.#tail;
  }
}
