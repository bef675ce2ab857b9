// The adapter directory: every registered adapter with its state and record
// types, and how it is doing — how many messages its consumer group has not
// committed yet on the record types it is approved to consume (its lag), and
// how many of its dead letters are open. The consumer group of an adapter is
// its name (see the adapter SDK's reaction consumer). And what consumers
// refused in its name: records claiming it as their source that were unsigned,
// forged or signed by a key not its own — or, for sources nobody registered,
// listed by refusedRecords() — with the topic and partition they arrived on.
import { topicFor, type EventBus } from '#spean/bus';
import { REFUSAL_CODES } from '#spean/contracts';
import type { DeadLetterRepository, RefusedRecordCount } from '#spean/dead-letters';
import type { AdapterRegistration } from './adapter-registration.js';
import type { AdapterRegistryService } from './adapter-registry.service.js';

export interface AdapterDirectoryEntry extends AdapterRegistration {
  /** Messages not yet committed by the adapter's consumer group; null when the bus cannot tell now. */
  consumerLag: number | null;
  /** Open dead letters of the adapter's consumer group. */
  deadLetters: number;
  /** Open dead letters, in any consumer group, of records claiming this adapter as source that were refused unverified. */
  refusedRecords: number;
}

export class AdapterDirectory {
  constructor(
    private readonly registry: AdapterRegistryService,
    private readonly bus: Pick<EventBus, 'lag'>,
    private readonly deadLetters: Pick<DeadLetterRepository, 'countOpen' | 'countRefused'>,
    private readonly log: { warn(message: string): void } = { warn: () => undefined },
  ) {}

  async list(): Promise<AdapterDirectoryEntry[]> {
    const [registrations, counts, refused] = await Promise.all([
      this.registry.list(),
      this.deadLetters.countOpen(),
      this.refusedRecords(),
    ]);
    const open = new Map<string, number>();
    for (const { group, count } of counts) open.set(group, (open.get(group) ?? 0) + count);
    return Promise.all(
      registrations.map(async (registration) => ({
        ...registration,
        consumerLag: await this.lag(registration),
        deadLetters: open.get(registration.name) ?? 0,
        refusedRecords: refusedClaiming(refused, registration.name),
      })),
    );
  }

  /** Every open refusal, by claimed source, topic, partition and code. */
  refusedRecords(): Promise<RefusedRecordCount[]> {
    return this.deadLetters.countRefused(REFUSAL_CODES);
  }

  /** One adapter's entry, e.g. to answer a change with the adapter as it now stands. */
  async describe(registration: AdapterRegistration): Promise<AdapterDirectoryEntry> {
    const [counts, refused] = await Promise.all([
      this.deadLetters.countOpen(),
      this.refusedRecords(),
    ]);
    return {
      ...registration,
      consumerLag: await this.lag(registration),
      deadLetters: counts
        .filter((count) => count.group === registration.name)
        .reduce((sum, count) => sum + count.count, 0),
      refusedRecords: refusedClaiming(refused, registration.name),
    };
  }

  private async lag(registration: AdapterRegistration): Promise<number | null> {
    const topics = consumedTopics(registration);
    if (topics.length === 0) return 0;
    try {
      return await this.bus.lag(registration.name, topics);
    } catch (error) {
      this.log.warn(`consumer lag of ${registration.name}: ${(error as Error).message}`);
      return null;
    }
  }
}

/** The topics an adapter's consumer group reads: those of the record types it is approved to consume. */
export function consumedTopics(registration: AdapterRegistration): string[] {
  return [
    ...new Set(
      registration.consumes.filter((entry) => entry.approved).map((e) => topicFor(e.recordType)),
    ),
  ];
}

function refusedClaiming(refused: RefusedRecordCount[], source: string): number {
  return refused
    .filter((entry) => entry.claimedSource === source)
    .reduce((sum, entry) => sum + entry.count, 0);
}
