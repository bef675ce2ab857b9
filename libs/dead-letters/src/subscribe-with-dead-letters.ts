// How a consumer subscribes so that its dead letters are kept where stewards
// can see and replay them, on either transport. The store is the one copy:
// the transport keeps none and commits past the letters right after, so the
// store is written first — a letter recorded nowhere would be lost.
//
// Live batches and replays reach the same handler, so what it checks (a
// record's signature, record-verifier.ts) is checked again on replay, once
// the cause is fixed — a key approved.
import type { BatchHandler, EventBus, SubscribeOptions, Subscription } from '#spean/bus';
import type { Database } from '#spean/persistence';
import { DeadLetterReplayer, serialised, type ReplayLogger } from './dead-letter-replayer.js';
import type { DeadLetterService } from './dead-letter.service.js';

export interface DeadLetterDependencies {
  bus: EventBus;
  service: DeadLetterService;
  /** For the dedicated connection that listens for replay requests. */
  db: Database;
  logger: ReplayLogger;
}

export interface DeadLetterSubscribeOptions extends SubscribeOptions {
  /** How often pending replays are looked for when no notification came (default 5 s). */
  replayPollIntervalMs?: number;
  /** Letters loaded per replay round (default: maxBatchSize, or 100). */
  replayBatchSize?: number;
}

export async function subscribeWithDeadLetters(
  deps: DeadLetterDependencies,
  options: DeadLetterSubscribeOptions,
  handler: BatchHandler,
): Promise<Subscription> {
  const { replayPollIntervalMs, replayBatchSize, ...subscribe } = options;
  // Live batches and replays take turns: a handler is never called twice at once.
  const turn = serialised(handler);
  const subscription = await deps.bus.subscribe(subscribe, async (batch) => {
    const outcome = await turn(batch);
    const verdicts = outcome?.deadLetters ?? [];
    if (verdicts.length > 0) await deps.service.record(subscribe.group, verdicts);
    return outcome;
  });
  const replayer = new DeadLetterReplayer({
    group: subscribe.group,
    handler: turn,
    service: deps.service,
    db: deps.db,
    logger: deps.logger,
    pollIntervalMs: replayPollIntervalMs ?? 5_000,
    batchSize: replayBatchSize ?? subscribe.maxBatchSize ?? 100,
  });
  try {
    await replayer.start();
  } catch (error) {
    await subscription.close().catch(() => undefined);
    throw error;
  }
  return {
    async close() {
      await Promise.all([replayer.close(), subscription.close()]);
    },
  };
}
