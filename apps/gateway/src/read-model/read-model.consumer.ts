// Subscribes the read model to every canonical topic the gateway serves. Its
// dead letters go to the dead-letter store too, where stewards replay them.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_BUS, topicFor, type EventBus, type Subscription } from '#spean/bus';
import { DeadLetterService, subscribeWithDeadLetters } from '#spean/dead-letters';
import type { Database } from '#spean/persistence';
import { DATABASE } from '../gateway.tokens.js';
import { READ_MODEL_GROUP, ReadModelService } from './read-model.service.js';
import { CITIZEN_SECTIONS } from '../citizen/citizen.sections.js';

@Injectable()
export class ReadModelConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReadModelConsumer.name);
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly service: ReadModelService,
    private readonly deadLetters: DeadLetterService,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = [...new Set(CITIZEN_SECTIONS.map((section) => topicFor(section.recordType)))];
    await this.bus.ensureTopics(topics);
    this.subscription = await subscribeWithDeadLetters(
      { bus: this.bus, service: this.deadLetters, db: this.db, logger: this.logger },
      { group: READ_MODEL_GROUP, topics, maxBatchSize: 1000 },
      (batch) => this.service.applyBatch(batch),
    );
    this.logger.log(
      `read model consuming ${topics.length} topics over the ${this.bus.transport} bus`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }
}
