// Sends what an adapter's outbox still holds to the bus: messages whose
// publisher could not send them (the bus refused or did not answer), or whose
// process died between its commit and the bus's acknowledgement. Started with
// the adapter and stopped with it. It takes messages oldest first, never a
// message whose key has an older one still held by a publisher, publishes
// them, and deletes them once the bus acknowledged; a refusal gives them back
// and the relay tries again after a back-off that doubles up to a bound, or as
// soon as a publisher's own send shows the bus is back. A
// crash after the bus acknowledged and before the delete sends a message
// twice; consumers apply records by version, so a duplicate is harmless — a
// loss is what this prevents. The outbox is counted (spean_outbox_depth) on
// every metrics scrape and after a round that sent something, never by an
// idle round.
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WorkLoop, type EventBus } from '#spean/bus';
import type { Metrics } from '#spean/observability';
import { deliver, type OutboxRepository } from './outbox.repository.js';

export interface OutboxSettings {
  /** How long a publisher holds the messages it just kept, to send them itself. */
  leaseMs: number;
  /** How long a publisher waits for the bus before answering with its records kept but still queued. */
  fastPathWaitMs: number;
  /** How often an idle relay looks for messages nobody holds (a lapsed lease). */
  pollIntervalMs: number;
  /** Most messages one relay round takes. */
  batchSize: number;
  /** The first back-off after the bus refused; each refusal in a row doubles it. */
  firstBackoffMs: number;
  /** Bound of the back-off after the bus refused. */
  maxBackoffMs: number;
}

export const OUTBOX_DEFAULTS: OutboxSettings = {
  leaseMs: 30_000,
  fastPathWaitMs: 10_000,
  pollIntervalMs: 1_000,
  batchSize: 500,
  firstBackoffMs: 250,
  maxBackoffMs: 30_000,
};

export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly settings: OutboxSettings;
  private readonly loop: WorkLoop;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly bus: EventBus,
    private readonly metrics: Metrics,
    private readonly source: string,
    settings: Partial<OutboxSettings> = {},
    private readonly logger: Pick<Logger, 'warn'> = new Logger(`${source}-outbox`),
  ) {
    this.settings = { ...OUTBOX_DEFAULTS, ...settings };
    this.loop = new WorkLoop(async () => (await this.relayOnce()) >= this.settings.batchSize, {
      pollIntervalMs: this.settings.pollIntervalMs,
      firstBackoffMs: this.settings.firstBackoffMs,
      maxBackoffMs: this.settings.maxBackoffMs,
      // A nudge does not cut a back-off short: the bus was just failing.
      wakeEndsBackoff: false,
      onFailure: (error, delay) =>
        this.logger.warn(
          `relaying the outbox failed, retrying in ${delay} ms: ${(error as Error).message}`,
        ),
    });
    // Counted on every scrape; an idle relay does not count it every poll.
    metrics.observeOutboxDepth(source, () => outbox.depth());
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    this.loop.start();
  }

  /**
   * Stops taking messages and waits for the round in hand — at most the
   * fast-path wait, so a bus that never answers cannot hold the shutdown; what
   * that round held is released when its lease lapses.
   */
  async stop(): Promise<void> {
    if (!this.loop.isRunning) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.loop.stop(),
      new Promise((resolve) => (timer = setTimeout(resolve, this.settings.fastPathWaitMs))),
    ]);
    clearTimeout(timer);
  }

  /** Messages were left in the outbox: look now rather than at the next poll (not during a back-off). */
  nudge(): void {
    this.loop.wake();
  }

  /**
   * The bus took a publisher's messages: a relay backing off after refusals
   * tries again now rather than at the end of its back-off (which grows to
   * maxBackoffMs), so what waited through a broker restart goes as soon as
   * the broker is back, not up to half a minute later.
   */
  busAnswered(): void {
    this.loop.endBackoff();
  }

  /** One round: takes, publishes, deletes. Returns how many messages reached the bus. */
  async relayOnce(): Promise<number> {
    const entries = await this.outbox.claim(this.settings.batchSize, this.settings.leaseMs);
    if (entries.length > 0) {
      await deliver(this.bus, this.outbox, entries);
      this.metrics.outboxRelayed.inc({ source: this.source }, entries.length);
      // What it sent is gone: the gauge follows at once, not only at the next scrape.
      this.metrics.outboxDepth.set({ source: this.source }, await this.outbox.depth());
    }
    return entries.length;
  }
}
