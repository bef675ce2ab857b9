// Subscribes an adapter to the record types its reactions need (one consumer
// group per adapter), and publishes what the reactions return. A record that
// cannot be read, or whose reaction yields an invalid record, is set aside as
// a dead letter with the reason (kept in the dead-letter store, where stewards
// replay it once the cause is fixed); a fault of the database or the bus is
// thrown so the bus delivers the record again.
import {
  Inject,
  Injectable,
  Optional,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  EVENT_BUS,
  topicFor,
  type BatchOutcome,
  type ConsumedMessage,
  type DeadLetterVerdict,
  type EventBus,
  type Subscription,
} from '#spean/bus';
import { DeadLetterService, subscribeWithDeadLetters } from '#spean/dead-letters';
import { Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import {
  decodeCanonicalMessage,
  type LineageRecorder,
  type RecordValidator,
} from '#spean/schema-registry';
import type { AdapterDefinition } from '../adapter-definition.js';
import { RecordPublisher } from '../publishing/record-publisher.js';
import type { AdapterRecordRepository } from '../store/adapter-record.repository.js';
import type { Reaction } from './reaction.js';

export const ADAPTER_DEFINITION = Symbol('ADAPTER_DEFINITION');
export const RECORD_VALIDATOR = Symbol('RECORD_VALIDATOR');
export const ADAPTER_STORE = Symbol('ADAPTER_STORE');
/** The adapter's database, for what needs a connection of its own (replay notifications). */
export const ADAPTER_DATABASE = Symbol('ADAPTER_DATABASE');
/** Where the adapter notes the record types and versions it consumes (optional). */
export const ADAPTER_LINEAGE = Symbol('ADAPTER_LINEAGE');

@Injectable()
export class ReactionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private readonly reactions: Map<string, Reaction>;
  private subscription?: Subscription;

  constructor(
    @Inject(ADAPTER_DEFINITION) private readonly definition: AdapterDefinition,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(RECORD_VALIDATOR) private readonly validator: RecordValidator,
    @Inject(ADAPTER_STORE) private readonly store: AdapterRecordRepository,
    private readonly publisher: RecordPublisher,
    private readonly metrics: Metrics,
    private readonly deadLetters: DeadLetterService,
    @Inject(ADAPTER_DATABASE) private readonly db: Database,
    @Optional() @Inject(ADAPTER_LINEAGE) private readonly lineage?: LineageRecorder,
  ) {
    this.logger = new Logger(`${definition.name}-reactions`);
    this.reactions = new Map(
      (definition.reactions ?? []).map((reaction) => [reaction.recordType, reaction]),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.reactions.size === 0) return;
    const topics = [...this.reactions.keys()].map(topicFor);
    await this.bus.ensureTopics(topics);
    this.subscription = await subscribeWithDeadLetters(
      { bus: this.bus, service: this.deadLetters, db: this.db, logger: this.logger },
      { group: this.definition.name, topics, maxBatchSize: 200 },
      (batch) => this.handle(batch),
    );
    this.logger.log(`reacting to ${[...this.reactions.keys()].join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  /** One record at a time: two events about one citizen in a batch must see each other's effects. */
  async handle(batch: ConsumedMessage[]): Promise<BatchOutcome> {
    const deadLetters: DeadLetterVerdict[] = [];
    for (const message of batch) {
      const verdict = await this.react(message);
      const recordType = message.headers['record-type'] ?? 'unknown';
      if (verdict) deadLetters.push({ message, reason: verdict.reason, code: verdict.code });
      this.metrics.recordsConsumed.inc({
        group: this.definition.name,
        record_type: recordType,
        outcome: verdict ? 'dead_letter' : 'applied',
      });
    }
    return { deadLetters };
  }

  /** Undefined when handled; otherwise why the record can never be handled. */
  private async react(
    message: ConsumedMessage,
  ): Promise<{ code: string; reason: string } | undefined> {
    const decoded = decodeCanonicalMessage(message.value, message.key, this.validator);
    if (!decoded.ok) return decoded;
    const { record } = decoded;
    this.lineage?.observe(
      this.definition.name,
      'consumes',
      record.recordType,
      record.schemaVersion,
    );
    const reaction = this.reactions.get(record.recordType);
    if (!reaction || record.op !== 'upsert') return undefined;
    const outputs = await reaction.react(record, { store: this.store });
    const { ready, issues } = this.publisher.prepare(outputs);
    if (issues.length > 0) {
      return {
        code: 'reaction-invalid',
        reason: `the ${this.definition.name} reaction to ${record.recordType} produced invalid records: ${issues
          .map((issue) => `record ${issue.index} ${issue.message}`)
          .join('; ')}`,
      };
    }
    await this.publisher.publish(ready);
    return undefined;
  }
}
