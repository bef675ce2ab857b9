// One at a time per key, in the order asked, within this process: the
// verifications of one citizen in one request (aliases) start in the order
// written and each counts its wrong claims before the next checks for a lock.
// Across processes the database serialises them (see the repository).
export class Turns {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (for tests: none are left behind). */
  get size(): number {
    return this.tails.size;
  }
}
