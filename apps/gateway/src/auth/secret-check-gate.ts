// Checking a secret costs two scrypt hashes (tens of milliseconds of CPU on
// the libuv pool). Since every request's secret is checked — a right secret
// must never be refused — the number checked at once is bounded here, the
// rest wait in line, and past a line of maxWaiting a request is answered 503
// at once. Requests of callers that already went past a failure limit wait
// behind all others: they are served only when no one else is waiting.

export const GATE_FULL = Symbol('secret check gate full');

export class SecretCheckGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly waitingLast: Array<() => void> = [];

  constructor(
    private readonly maxActive: number,
    private readonly maxWaiting: number,
  ) {
    if (!(maxActive >= 1)) throw new RangeError('maxActive must be at least 1');
  }

  /** Checks now or in line; GATE_FULL when the line is full. */
  async run<T>(work: () => Promise<T>, last = false): Promise<T | typeof GATE_FULL> {
    if (this.active >= this.maxActive) {
      if (this.waiting.length + this.waitingLast.length >= this.maxWaiting) return GATE_FULL;
      await new Promise<void>((resolve) => (last ? this.waitingLast : this.waiting).push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, or is freed.
      const next = this.waiting.shift() ?? this.waitingLast.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  /** Checks running and waiting (for tests and curiosity). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length + this.waitingLast.length };
  }
}
