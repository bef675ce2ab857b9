// Prometheus metrics for one Spean process. Labels never carry personal data:
// no national ids, names or record ids — only record types, outcomes, routes.
import { Counter, Histogram, Registry, collectDefaultMetrics, Gauge } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests: Histogram<'method' | 'route' | 'status'>;
  readonly recordsConsumed: Counter<'group' | 'record_type' | 'outcome'>;
  readonly recordsPublished: Counter<'source' | 'record_type'>;
  /** Records a consumer refused to apply: unsigned, forged, or not its approved source's. */
  readonly recordsRefused: Counter<'reason' | 'group'>;
  readonly lookups: Counter<'outcome'>;
  readonly deprecatedPublished: Counter<'source' | 'record_type' | 'schema_version'>;
  readonly ready: Gauge;
  readonly deadLetters: Counter<'group' | 'code'>;
  readonly openDeadLetters: Gauge<'group' | 'code'>;
  /** Requests a protective limit refused; by limit name only, never by client or address. */
  readonly limitRefusals: Counter<'limit'>;
  /** Messages an adapter has kept and not yet seen acknowledged by the bus. */
  readonly outboxDepth: Gauge<'source'>;
  /** Messages the outbox relay sent (those the publisher could not send itself). */
  readonly outboxRelayed: Counter<'source'>;
  /** Lookups answered by their compiled plan rather than the general GraphQL pipeline. */
  readonly compiledLookups = new Counter({
    name: 'spean_graphql_compiled_lookups_total',
    help: 'Citizen lookups answered by their compiled plan, outside the general GraphQL pipeline',
    registers: [this.registry],
  });
  /** Per consumer group: messages behind, and the age of the oldest of them (see observeConsumerLag). */
  readonly consumerLagMessages = new Gauge({
    name: 'spean_consumer_lag_messages',
    help: 'Messages a consumer group (an adapter’s reactions, the gateway’s read model) has not committed yet',
    labelNames: ['group'] as const,
    registers: [this.registry],
    collect: () => this.collectConsumerLag(),
  });
  readonly consumerLagSeconds = new Gauge({
    name: 'spean_consumer_lag_seconds',
    help: 'How long the oldest message a consumer group has not committed has waited, in seconds (0 when none)',
    labelNames: ['group'] as const,
    registers: [this.registry],
    collect: () => this.collectConsumerLag(),
  });
  private countOpenDeadLetters?: () => Promise<OpenDeadLetterCount[]>;
  /** How to count each source's outbox, asked on every scrape. */
  private readonly outboxCounts = new Map<string, () => Promise<number>>();
  private readConsumerLag?: () => Promise<ConsumerLagReading[]>;
  /** One reading per scrape, shared by the two lag gauges (prom-client collects them at once). */
  private consumerLagReading?: Promise<void>;
  /** Series seen before, so a group whose letters were all resolved reads 0 rather than vanishing. */
  private readonly openDeadLetterSeries = new Map<string, { group: string; code: string }>();

  constructor(app: string) {
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Histogram({
      name: 'spean_http_request_duration_seconds',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.recordsConsumed = new Counter({
      name: 'spean_records_consumed_total',
      help: 'Canonical records consumed from the bus, by outcome (applied, stale, dead_letter)',
      labelNames: ['group', 'record_type', 'outcome'],
      registers: [this.registry],
    });
    this.recordsPublished = new Counter({
      name: 'spean_records_published_total',
      help: 'Canonical records accepted at intake and published to the bus',
      labelNames: ['source', 'record_type'],
      registers: [this.registry],
    });
    this.recordsRefused = new Counter({
      name: 'spean_records_refused_total',
      help: 'Records refused before being applied (unsigned, bad-signature, unknown-key, source-not-approved), by consumer group',
      labelNames: ['reason', 'group'],
      registers: [this.registry],
    });
    this.lookups = new Counter({
      name: 'spean_citizen_lookups_total',
      help: 'Citizen lookups by outcome (found, not_found, invalid_id)',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    this.deprecatedPublished = new Counter({
      name: 'spean_deprecated_schema_records_total',
      help: 'Records published at a deprecated schema version (accepted with a warning)',
      labelNames: ['source', 'record_type', 'schema_version'],
      registers: [this.registry],
    });
    this.ready = new Gauge({
      name: 'spean_ready',
      help: '1 while the database and the bus are connected',
      registers: [this.registry],
    });
    this.deadLetters = new Counter({
      name: 'spean_dead_letters_total',
      help: 'Messages a consumer group could not apply, recorded as dead letters, by code',
      labelNames: ['group', 'code'],
      registers: [this.registry],
    });
    this.openDeadLetters = new Gauge({
      name: 'spean_dead_letters_open',
      help: 'Dead letters still open (not yet replayed successfully), by consumer group and code',
      labelNames: ['group', 'code'],
      registers: [this.registry],
      collect: () => this.collectOpenDeadLetters(),
    });
    this.limitRefusals = new Counter({
      name: 'spean_limit_refusals_total',
      help: 'Requests refused by a protective limit (graphql_rate, token_failures, body_size, depth, aliases, cost, tokens)',
      labelNames: ['limit'],
      registers: [this.registry],
    });
    this.outboxDepth = new Gauge({
      name: 'spean_outbox_depth',
      help: 'Records an adapter has kept and not yet seen acknowledged by the bus (its outbox)',
      labelNames: ['source'],
      registers: [this.registry],
      collect: () => this.collectOutboxDepth(),
    });
    this.outboxRelayed = new Counter({
      name: 'spean_outbox_relayed_total',
      help: 'Records the outbox relay published because the publisher could not (bus refused, or a crash)',
      labelNames: ['source'],
      registers: [this.registry],
    });
  }

  /**
   * Fills spean_dead_letters_open from the dead-letter store on every scrape.
   * Only one process should (the gateway): the store holds every group's letters.
   */
  observeOpenDeadLetters(count: () => Promise<OpenDeadLetterCount[]>): void {
    this.countOpenDeadLetters = count;
  }

  /**
   * Fills spean_outbox_depth for this source on every scrape; between scrapes
   * the relay sets it only when it changed the outbox itself.
   */
  observeOutboxDepth(source: string, count: () => Promise<number>): void {
    this.outboxCounts.set(source, count);
  }

  private async collectOutboxDepth(): Promise<void> {
    await Promise.all(
      [...this.outboxCounts].map(async ([source, count]) => {
        try {
          this.outboxDepth.set({ source }, await count());
        } catch {
          // A scrape must not fail while the database is away; the last value stands.
        }
      }),
    );
  }

  /** Fills the consumer lag gauges on every scrape; only the gateway does. */
  observeConsumerLag(read: () => Promise<ConsumerLagReading[]>): void {
    this.readConsumerLag = read;
  }

  private collectConsumerLag(): Promise<void> {
    this.consumerLagReading ??= this.setConsumerLag().finally(() => {
      this.consumerLagReading = undefined;
    });
    return this.consumerLagReading;
  }

  private async setConsumerLag(): Promise<void> {
    if (!this.readConsumerLag) return;
    let readings: ConsumerLagReading[];
    try {
      readings = await this.readConsumerLag();
    } catch {
      // A scrape must not fail while the bus is away; the last values stand.
      return;
    }
    for (const { group, messages, seconds } of readings) {
      if (messages === null || seconds === null) continue;
      this.consumerLagMessages.set({ group }, messages);
      this.consumerLagSeconds.set({ group }, seconds);
    }
  }

  private async collectOpenDeadLetters(): Promise<void> {
    if (!this.countOpenDeadLetters) return;
    let counts: OpenDeadLetterCount[];
    try {
      counts = await this.countOpenDeadLetters();
    } catch {
      // A scrape must not fail while the database is away; the last values stand.
      return;
    }
    const current = new Map(counts.map((row) => [`${row.group}\u0000${row.code}`, row]));
    for (const [key, labels] of this.openDeadLetterSeries) {
      if (!current.has(key)) this.openDeadLetters.set(labels, 0);
    }
    for (const [key, row] of current) {
      this.openDeadLetterSeries.set(key, { group: row.group, code: row.code });
      this.openDeadLetters.set({ group: row.group, code: row.code }, row.count);
    }
  }
}

/** Open dead letters of one consumer group with one code. */
export interface OpenDeadLetterCount {
  group: string;
  code: string;
  count: number;
}

/** One consumer group's lag; null where the bus could not tell this time. */
export interface ConsumerLagReading {
  group: string;
  messages: number | null;
  seconds: number | null;
}
