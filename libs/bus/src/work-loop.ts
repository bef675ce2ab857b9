// The loop of a worker that polls a table (the embedded bus's consumers, an
// adapter's outbox relay): it does rounds until stopped; after a round that
// leaves nothing waiting it sleeps for the poll interval unless woken, and
// after a failed round it backs off exponentially. A wake that comes while a
// round runs is kept, so the next sleep is skipped rather than missed.

export interface WorkLoopSettings {
  pollIntervalMs: number;
  /** The first back-off after a failure; each further failure doubles it, up to `maxBackoffMs`. */
  firstBackoffMs: number;
  maxBackoffMs: number;
  /** Whether a wake cuts a back-off short too, or only the idle poll. */
  wakeEndsBackoff: boolean;
  /** Told of every failed round, with the back-off that follows. */
  onFailure: (error: unknown, backoffMs: number) => void;
}

export class WorkLoop {
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private pendingWake = false;
  private failures = 0;

  /** Whether the last wait was ended by a wake rather than by its poll or back-off. */
  private woken = false;

  /**
   * `round` does one round of work and says whether more is waiting at once;
   * it is told whether a wake (not the poll) started it.
   */
  constructor(
    private readonly round: (woken: boolean) => Promise<boolean>,
    private readonly settings: WorkLoopSettings,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Ends the loop after the round in hand; the promise settles when it has. */
  stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    return this.loop ?? Promise.resolve();
  }

  /** There is work: look now rather than at the next poll. */
  wake(): void {
    this.pendingWake = true;
    if (this.mayWake()) this.wakeUp?.();
  }

  /** Work went through elsewhere (the bus took another sender's messages): a back-off in hand ends now. */
  endBackoff(): void {
    if (this.failures === 0) return;
    this.failures = 0;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const woken = this.woken || this.pendingWake;
      this.pendingWake = false;
      this.woken = false;
      try {
        const more = await this.round(woken);
        this.failures = 0;
        if (!more) await this.idle(this.settings.pollIntervalMs);
      } catch (error) {
        this.failures++;
        const { firstBackoffMs, maxBackoffMs } = this.settings;
        const delay = Math.min(firstBackoffMs * 2 ** (this.failures - 1), maxBackoffMs);
        this.settings.onFailure(error, delay);
        await this.idle(delay);
      }
    }
  }

  private mayWake(): boolean {
    return this.failures === 0 || this.settings.wakeEndsBackoff;
  }

  private idle(ms: number): Promise<void> {
    if (!this.running || (this.pendingWake && this.mayWake())) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (woken: boolean): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = woken;
        resolve();
      };
      const timer = setTimeout(() => done(false), ms);
      this.wakeUp = () => done(true);
    });
  }
}
