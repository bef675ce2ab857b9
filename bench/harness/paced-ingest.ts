// Background ingest at a steady rate: records of a synthetic population sent
// through some of the adapters (e.g. transport, land, commerce, tax) at about
// `recordsPerSecond`, so a scenario measures latency on a system that is busy
// rather than idle. It never falls behind by piling requests up: at most a few
// are in flight, and what the system cannot take is simply not sent.
import { generatePopulation, type PopulationBatch } from '#spean/population';
import type { AdapterKind } from './servers.ts';
import type { AdapterEndpoint } from './system.ts';

export interface PacedIngestOptions {
  endpoints: Record<AdapterKind, AdapterEndpoint>;
  adapters: readonly AdapterKind[];
  recordsPerSecond: number;
  seed: number;
  /** National id serial of the population's first citizen. */
  startSerial: number;
  /** Records per request. */
  requestSize?: number;
  maxInFlight?: number;
}

export interface PacedIngestResult {
  records: number;
  seconds: number;
  /** Requests refused or failed (their records are not counted). */
  failures: number;
  firstFailure?: string;
}

const TICK_MS = 50;

export class PacedIngest {
  private readonly options: Required<PacedIngestOptions>;
  private readonly pending: Array<{ adapter: AdapterKind; records: object[] }> = [];
  private readonly source: Iterator<PopulationBatch>;
  private readonly inFlight = new Set<Promise<void>>();
  private timer?: NodeJS.Timeout;
  private started = 0;
  private allowance = 0;
  private last = 0;
  private sent = 0;
  private failures = 0;
  private firstFailure?: string;

  constructor(options: PacedIngestOptions) {
    this.options = { requestSize: 100, maxInFlight: 4, ...options };
    this.source = generatePopulation({
      // Read lazily: only what the rate asks for is ever generated.
      citizens: 50_000_000,
      seed: options.seed,
      startSerial: options.startSerial,
      batchSize: 200,
    })[Symbol.iterator]();
  }

  start(): void {
    this.started = this.last = performance.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  async stop(): Promise<PacedIngestResult> {
    clearInterval(this.timer);
    const seconds = (performance.now() - this.started) / 1000;
    await Promise.allSettled([...this.inFlight]);
    return {
      records: this.sent,
      seconds,
      failures: this.failures,
      ...(this.firstFailure ? { firstFailure: this.firstFailure } : {}),
    };
  }

  private tick(): void {
    const now = performance.now();
    // At most one second's worth of records may accumulate while requests are in flight.
    this.allowance = Math.min(
      this.allowance + ((now - this.last) / 1000) * this.options.recordsPerSecond,
      this.options.recordsPerSecond,
    );
    this.last = now;
    while (this.allowance >= 1 && this.inFlight.size < this.options.maxInFlight) {
      const next = this.next(Math.min(this.options.requestSize, Math.floor(this.allowance)));
      if (!next) return;
      this.allowance -= next.records.length;
      this.send(next.adapter, next.records);
    }
  }

  /** Up to `size` records for one adapter, in the population's order. */
  private next(size: number): { adapter: AdapterKind; records: object[] } | undefined {
    while (this.pending.length === 0) {
      const { value, done } = this.source.next();
      if (done) return undefined;
      for (const adapter of this.options.adapters) {
        const records = value[adapter] as object[];
        if (records.length > 0) this.pending.push({ adapter, records: [...records] });
      }
    }
    const head = this.pending[0]!;
    const records = head.records.splice(0, size);
    if (head.records.length === 0) this.pending.shift();
    return { adapter: head.adapter, records };
  }

  private send(adapter: AdapterKind, records: object[]): void {
    const endpoint = this.options.endpoints[adapter];
    const request = fetch(`${endpoint.url}/v1/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${endpoint.token}` },
      body: JSON.stringify(records),
    })
      .then(async (response) => {
        const text = await response.text();
        if (response.status === 202) this.sent += records.length;
        else this.fail(`${adapter} answered ${response.status}: ${text.slice(0, 200)}`);
      })
      .catch((error: unknown) => this.fail(`${adapter}: ${(error as Error).message}`));
    const tracked = request.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private fail(reason: string): void {
    this.failures++;
    this.firstFailure ??= reason;
  }
}
