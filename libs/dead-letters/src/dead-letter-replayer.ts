// Replays one consumer group's dead letters when a steward asks: it wakes on
// NOTIFY spean_dead_letter_replay (payload: the group) and also polls, so a
// lost notification or a broken listen connection only costs latency. Letters
// are handed to the group's own handler as the messages they were, a
// partition's letters in offset order; the handler's verdicts settle them.
// A thrown error is transient: the letters stay pending for the next round.
import type { BatchHandler } from '#spean/bus';
import { ChannelListener, type Database } from '#spean/persistence';
import { DEAD_LETTER_REPLAY_CHANNEL, type PendingReplay } from './dead-letter.js';
import type { DeadLetterService } from './dead-letter.service.js';

export interface ReplayLogger {
  warn(message: string): void;
}

export interface DeadLetterReplayerSettings {
  group: string;
  /** Must never run at the same time as the live consumer's calls (see serialised()). */
  handler: BatchHandler;
  service: DeadLetterService;
  db: Database;
  logger: ReplayLogger;
  pollIntervalMs: number;
  batchSize: number;
}

export class DeadLetterReplayer {
  private running = false;
  private readonly listener: ChannelListener;
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private again = false;

  constructor(private readonly settings: DeadLetterReplayerSettings) {
    this.listener = new ChannelListener(
      settings.db,
      DEAD_LETTER_REPLAY_CHANNEL,
      (group) => {
        if (group === settings.group) this.trigger();
      },
      { name: `dead letters of ${settings.group}: replay`, log: settings.logger },
    );
  }

  async start(): Promise<void> {
    this.running = true;
    await this.listener.connect();
    this.timer = setInterval(() => {
      if (!this.listener.connected) void this.listener.connect();
      this.trigger();
    }, this.settings.pollIntervalMs);
    this.timer.unref();
    // Replays asked for while no member of the group was running.
    this.trigger();
  }

  async close(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearInterval(this.timer);
    await this.round;
    await this.listener.close();
  }

  /** Starts a round, or asks the one in progress to look again when it is done. */
  private trigger(): void {
    if (!this.running) return;
    if (this.round) {
      this.again = true;
      return;
    }
    this.again = false;
    this.round = this.replayPending().finally(() => {
      this.round = undefined;
      if (this.again) this.trigger();
    });
  }

  private async replayPending(): Promise<void> {
    const { group, service } = this.settings;
    try {
      await service.exclusiveReplay(group, async () => {
        while (this.running) {
          const pending = await service.pendingReplays(group, this.settings.batchSize);
          if (pending.length === 0) return;
          for (const batch of byPartition(pending)) {
            if (!this.running) return;
            const outcome = await this.settings.handler(batch.map((letter) => letter.message));
            await service.settleReplay(group, batch, outcome?.deadLetters ?? []);
          }
        }
      });
    } catch (error) {
      // Transient (the handler or the database): the letters stay pending; the next poll retries.
      this.again = false;
      this.settings.logger.warn(
        `dead letters of ${group}: replay interrupted, left pending for the next round: ${describe(error)}`,
      );
    }
  }
}

/**
 * The same handler, but never two calls at once: transports promise handlers
 * that their calls never overlap, and replays must keep that promise.
 */
export function serialised(handler: BatchHandler): BatchHandler {
  let tail: Promise<unknown> = Promise.resolve();
  return (batch) => {
    const call = tail.then(() => handler(batch));
    tail = call.catch(() => undefined);
    return call;
  };
}

function byPartition(letters: PendingReplay[]): PendingReplay[][] {
  const batches = new Map<string, PendingReplay[]>();
  for (const letter of letters) {
    const id = `${letter.message.topic}\u0000${letter.message.partition}`;
    const batch = batches.get(id);
    if (batch) batch.push(letter);
    else batches.set(id, [letter]);
  }
  return [...batches.values()];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
