// How far behind each consumer group is: every registered adapter's reactions
// (its group is its name; it reads the record types it is approved to
// consume) and the gateway's read model. Messages behind and the age of the
// oldest of them, from the bus (consumerLag: the same on both transports).
// The same readings answer GraphQL and fill the /metrics gauges.
import { Logger } from '@nestjs/common';
import { consumedTopics, type AdapterRegistryService } from '#spean/adapter-registry';
import type { EventBus } from '#spean/bus';
import type { ConsumerLagReading } from '#spean/observability';
import {
  ConsoleQueryException,
  ConsoleQueryExceptionCode,
} from '../console-queries/console-query.exception.js';
import { describeFault } from '../hardening/fault-description.js';
import { READ_MODEL_GROUP, readModelTopics } from '../read-model/read-model.service.js';

export interface ConsumerGroupLag extends ConsumerLagReading {
  /** adapter: an adapter's reactions; read-model: the gateway's read model. */
  kind: 'adapter' | 'read-model';
  topics: string[];
  oldestUnconsumedAt: Date | null;
  /** Why the bus could not tell this time (messages and seconds are then null). */
  error: string | null;
}

interface ConsumerGroup {
  group: string;
  kind: ConsumerGroupLag['kind'];
  topics: string[];
}

export class ConsumerLagService {
  private readonly logger = new Logger('consumer-lag');

  constructor(
    private readonly bus: Pick<EventBus, 'consumerLag'>,
    private readonly adapters: Pick<AdapterRegistryService, 'list'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every group, or the one named; an unknown name is refused naming `group`. */
  async lag(group?: string): Promise<ConsumerGroupLag[]> {
    const groups = await this.groups();
    const chosen = group === undefined ? groups : groups.filter((each) => each.group === group);
    if (chosen.length === 0) {
      throw new ConsoleQueryException(
        ConsoleQueryExceptionCode.INVALID_ARGUMENT,
        `group: ${JSON.stringify(group)} is neither a registered adapter nor the read model (${READ_MODEL_GROUP})`,
        'group',
      );
    }
    return Promise.all(chosen.map((each) => this.read(each)));
  }

  private async groups(): Promise<ConsumerGroup[]> {
    const registrations = await this.adapters.list();
    return [
      { group: READ_MODEL_GROUP, kind: 'read-model', topics: readModelTopics() },
      ...registrations.map((registration) => ({
        group: registration.name,
        kind: 'adapter' as const,
        topics: consumedTopics(registration),
      })),
    ];
  }

  private async read(group: ConsumerGroup): Promise<ConsumerGroupLag> {
    try {
      const lag = await this.bus.consumerLag(group.group, group.topics);
      const oldest = lag.oldestUnconsumedAt;
      return {
        ...group,
        messages: lag.messages,
        oldestUnconsumedAt: oldest,
        seconds: oldest === null ? 0 : Math.max(0, (this.now() - oldest.getTime()) / 1000),
        error: null,
      };
    } catch (error) {
      // The bus's own text stays in the log; the answer says only that the bus did not answer.
      this.logger.warn(`consumer lag of ${group.group}: ${describeFault(error)}`);
      return {
        ...group,
        messages: null,
        oldestUnconsumedAt: null,
        seconds: null,
        error: 'the bus did not answer; see the gateway log',
      };
    }
  }
}
