// Subscribes the read model to every canonical topic the gateway serves. Its
// dead letters go to the dead-letter store too, where stewards replay them.
// Only what an approved adapter signed is applied: every message is verified
// around its one decode (signature on the bytes first; then the key is the
// record's source's, and the source approved for it), and one that fails is a
// dead letter with the refusal's code.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  AdapterApprovals,
  AdapterKeys,
  RecordVerifier,
  type CheckedDecoder,
} from '#spean/adapter-registry';
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
  private verifying = true;

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
    // One LISTEN on the registry's channel: the key set hears it through the approvals.
    this.approvals = new AdapterApprovals(this.db, { log: this.logger });
    this.keys = new AdapterKeys(this.db, this.approvals, { log: this.logger });
    await this.approvals.start();
    await this.keys.start();
    const verifier = new RecordVerifier(this.keys, this.approvals, (labels) =>
      this.metrics.recordsRefused.inc(labels),
    );
    const decoder = this.verifying ? verifier.decoderFor(READ_MODEL_GROUP) : decodeUnverified;
    this.subscription = await subscribeWithDeadLetters(
      { bus: this.bus, service: this.deadLetters, db: this.db, logger: this.logger },
      { group: READ_MODEL_GROUP, topics, maxBatchSize: 1000 },
      (batch) => this.service.applyBatch(batch, decoder),
    );
    this.logger.log(
      `read model consuming ${topics.length} topics over the ${this.bus.transport} bus`,
    );
  }

  /**
   * BENCH ONLY (bench/gateway-without-verification.ts): applies records
   * without verifying them, so the benchmark can measure what verification
   * costs ingest. No setting, variable or argument of the gateway reaches it;
   * it must be called before the consumer starts, and never outside the bench.
   */
  skipVerificationForBench(): void {
    if (this.subscription) throw new Error('verification can only be skipped before consuming');
    this.verifying = false;
    this.logger.warn('BENCH: records are applied WITHOUT verifying their signatures');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
    await Promise.all([this.keys?.stop(), this.approvals?.stop()]);
  }
}

/** Only for skipVerificationForBench: decodes, and checks nothing else. */
const decodeUnverified: CheckedDecoder = (message, decode) => Promise.resolve(decode(message));
