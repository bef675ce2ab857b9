// Subscribes the read model to every canonical topic the gateway serves. Its
// dead letters go to the dead-letter store too, where stewards replay them.
// Only what an approved adapter signed is applied: every message is verified
// first (signature, key of the record's source, source approved for it), and
// one that fails is a dead letter with the refusal's code.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AdapterApprovals, AdapterKeys, RecordVerifier } from '#spean/adapter-registry';
import { EVENT_BUS, type EventBus, type Subscription } from '#spean/bus';
import { DeadLetterService, subscribeWithDeadLetters } from '#spean/dead-letters';
import { Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import { DATABASE } from '../gateway.tokens.js';
import { READ_MODEL_GROUP, ReadModelService, readModelTopics } from './read-model.service.js';

@Injectable()
export class ReadModelConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReadModelConsumer.name);
  private subscription?: Subscription;
  private keys?: AdapterKeys;
  private approvals?: AdapterApprovals;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly service: ReadModelService,
    private readonly deadLetters: DeadLetterService,
    @Inject(DATABASE) private readonly db: Database,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = readModelTopics();
    await this.bus.ensureTopics(topics);
    this.keys = new AdapterKeys(this.db, { log: this.logger });
    this.approvals = new AdapterApprovals(this.db, { log: this.logger });
    await Promise.all([this.keys.start(), this.approvals.start()]);
    const verifier = new RecordVerifier(this.keys, this.approvals, (labels) =>
      this.metrics.recordsRefused.inc(labels),
    );
    this.subscription = await subscribeWithDeadLetters(
      { bus: this.bus, service: this.deadLetters, db: this.db, logger: this.logger },
      {
        group: READ_MODEL_GROUP,
        topics,
        maxBatchSize: 1000,
        admit: (message) => verifier.verify(message, READ_MODEL_GROUP),
      },
      (batch) => this.service.applyBatch(batch),
    );
    this.logger.log(
      `read model consuming ${topics.length} topics over the ${this.bus.transport} bus`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
    await Promise.all([this.keys?.stop(), this.approvals?.stop()]);
  }
}
