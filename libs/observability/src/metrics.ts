// Prometheus metrics for one Spean process. Labels never carry personal data:
// no national ids, names or record ids — only record types, outcomes, routes.
import { Counter, Histogram, Registry, collectDefaultMetrics, Gauge } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests: Histogram<'method' | 'route' | 'status'>;
  readonly recordsConsumed: Counter<'group' | 'record_type' | 'outcome'>;
  readonly recordsPublished: Counter<'source' | 'record_type'>;
  readonly lookups: Counter<'outcome'>;
  readonly ready: Gauge;

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
    this.lookups = new Counter({
      name: 'spean_citizen_lookups_total',
      help: 'Citizen lookups by outcome (found, not_found, invalid_id)',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    this.ready = new Gauge({
      name: 'spean_ready',
      help: '1 while the database and the bus are connected',
      registers: [this.registry],
    });
  }
}
