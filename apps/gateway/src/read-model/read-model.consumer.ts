// Subscribes the read model to every canonical topic the gateway serves.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_BUS, topicFor, type EventBus, type Subscription } from '#spean/bus';
import { READ_MODEL_GROUP, ReadModelService } from './read-model.service.js';
import { CITIZEN_SECTIONS } from '../citizen/citizen.sections.js';

@Injectable()
export class ReadModelConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReadModelConsumer.name);
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly service: ReadModelService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = [...new Set(CITIZEN_SECTIONS.map((section) => topicFor(section.recordType)))];
    await this.bus.ensureTopics(topics);
    this.subscription = await this.bus.subscribe(
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
