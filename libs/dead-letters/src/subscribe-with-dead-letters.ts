// How a consumer subscribes so that its dead letters are kept where stewards
// can see and replay them, on either transport. The store is the one copy:
// the transport keeps none and commits past the letters right after, so the
// store is written first — a letter recorded nowhere would be lost.
//
// A consumer that only applies what it trusts gives an admission check: each
// message goes through it before the handler, live and on replay alike, and a
// message it refuses becomes a dead letter with the check's code and reason
// (so a replay after the cause is fixed — a key approved — checks it again).
import type {
  BatchHandler,
  ConsumedMessage,
  DeadLetterVerdict,
  EventBus,
  SubscribeOptions,
  Subscription,
} from '#spean/bus';
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

/** Why a message may not reach the handler; undefined when it may. */
export type Admission = (
  message: ConsumedMessage,
) => Promise<{ code: string; reason: string } | undefined>;

export interface DeadLetterSubscribeOptions extends SubscribeOptions {
  /** How often pending replays are looked for when no notification came (default 5 s). */
  replayPollIntervalMs?: number;
  /** Letters loaded per replay round (default: maxBatchSize, or 100). */
  replayBatchSize?: number;
  /** Checked for every message before the handler sees it (e.g. its signature). */
  admit?: Admission;
}

export async function subscribeWithDeadLetters(
  deps: DeadLetterDependencies,
  options: DeadLetterSubscribeOptions,
  handler: BatchHandler,
): Promise<Subscription> {
  const { replayPollIntervalMs, replayBatchSize, admit, ...subscribe } = options;
  // Live batches and replays take turns: a handler is never called twice at once.
  const turn = serialised(admit ? admitting(admit, handler) : handler);
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

/** The handler, seeing only what the check admits; the rest are dead letters. */
function admitting(admit: Admission, handler: BatchHandler): BatchHandler {
  return async (batch) => {
    const admitted: ConsumedMessage[] = [];
    const refused: DeadLetterVerdict[] = [];
    for (const message of batch) {
      const refusal = await admit(message);
      if (refusal) refused.push({ message, reason: refusal.reason, code: refusal.code });
      else admitted.push(message);
    }
    if (refused.length === 0) return handler(batch);
    const outcome = admitted.length > 0 ? await handler(admitted) : undefined;
    return { deadLetters: [...refused, ...(outcome?.deadLetters ?? [])] };
  };
}
