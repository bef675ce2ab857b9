// The ministry systems of the fault suite: streams new records of a synthetic
// population (persons, addresses and civil events to the interior adapter;
// vehicles, land titles, businesses and taxpayers to the others) at a modest
// rate, and now and then the death of a living vehicle owner or taxpayer
// once every record of their household has been acknowledged, so that the
// life-event reactions of interior, transport, tax and commerce fire.
//
// Like a careful ministry system it gives each record its event id before
// the first attempt and resends the same request, unchanged, after any answer
// other than 202 or a broken connection — until it is acknowledged. Every
// 202 is written down: (record type, record id, version, event id), and the
// kill window it arrived in.
import { randomUUID } from 'node:crypto';
import { generatePopulation, type PopulationBatch } from '#spean/population';
import { fromDist } from '../../bench/harness/dist.ts';
import type { AdapterName, ClientSecret } from './chaos-system.ts';
import { ADAPTER_TARGETS } from './options.ts';

export interface Ack {
  recordType: string;
  recordId: string;
  version: number;
  eventId: string;
  subjectId: string;
  adapter: AdapterName;
  /** The kill window it was acknowledged in: "start", or the target killed last. */
  window: string;
}

export interface Death {
  subjectId: string;
  recordId: string;
  eventId: string;
  /** The kill window it was acknowledged in. */
  window: string;
}

export interface PublisherStats {
  requests: number;
  /** Attempts answered other than 202, or not answered at all. */
  retries: number;
  /** Requests never acknowledged when the publisher stopped (not counted as acknowledged). */
  abandoned: number;
  retryReasons: Record<string, number>;
  /**
   * Records refused as VERSION_CONFLICT (409): a reaction kept that version
   * of the record first (a birth's person record). Never acknowledged; the
   * rest of their request is sent again.
   */
  conflicts: number;
}

interface OutgoingRecord {
  recordType: string;
  recordId: string;
  subjectId: string;
  version: number;
  eventId: string;
  payload?: unknown;
  [field: string]: unknown;
}

interface BatchProgress {
  /** Records of the batch not yet acknowledged. */
  remaining: number;
  living: Set<string>;
  owners: Set<string>;
}

interface Request {
  adapter: AdapterName;
  records: OutgoingRecord[];
}

const TICK_MS = 50;
const RECORDS_PER_REQUEST = 10;
const MAX_IN_FLIGHT = 3;
/** One death among this many records sent. */
const DEATH_EVERY = 25;
/** The death certificate's commune (a real one from the gazetteer: Ta Khmau, Kandal). */
const ISSUING_COMMUNE = { code: '081102', khmer: 'សង្កាត់តាខ្មៅ', latin: 'Ta Khmau' };

export class ChaosPublisher {
  readonly acks: Ack[] = [];
  readonly deaths: Death[] = [];
  readonly stats: PublisherStats = {
    requests: 0,
    retries: 0,
    abandoned: 0,
    retryReasons: {},
    conflicts: 0,
  };
  /** Acks from now on are attributed to this window. */
  window = 'start';
  /** Set when an adapter refused the records themselves: the run cannot go on. */
  failure?: Error;

  private readonly urls: Record<AdapterName, string>;
  private readonly clients: Record<AdapterName, ClientSecret>;
  private readonly gatewayUrl: string;
  private readonly recordsPerSecond: number;
  private readonly tag: string;
  private readonly tokens = new Map<AdapterName, Promise<string>>();
  private readonly source: Iterator<PopulationBatch>;
  private readonly pending: Request[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** The population batch each record came from: a death is sent only once all of its batch is acknowledged. */
  private readonly batchOf = new WeakMap<OutgoingRecord, BatchProgress>();
  /**
   * Living citizens of fully acknowledged batches who own a vehicle or are
   * taxpayers: every record a reaction to their death must revise is in the
   * adapters' stores before the death is sent.
   */
  private readonly candidates: string[] = [];
  /** Event ids of the deaths this publisher made up (the population's own deaths set off nothing new). */
  private readonly deathEvents = new Set<string>();
  private timer?: NodeJS.Timeout;
  private allowance = 0;
  private last = 0;
  private sinceDeath = 0;
  private stopping = false;
  private stopDeadline = Infinity;

  constructor(options: {
    urls: Record<AdapterName, string>;
    clients: Record<AdapterName, ClientSecret>;
    gatewayUrl: string;
    recordsPerSecond: number;
    seed: number;
  }) {
    this.urls = options.urls;
    this.clients = options.clients;
    this.gatewayUrl = options.gatewayUrl;
    this.recordsPerSecond = options.recordsPerSecond;
    this.tag = Date.now().toString(36).toUpperCase();
    this.source = generatePopulation({
      // Read lazily: only what the rate asks for is ever generated.
      citizens: 10_000_000,
      seed: options.seed,
      batchSize: 10,
    })[Symbol.iterator]();
  }

  start(): void {
    this.last = performance.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  /**
   * Stops offering new records and waits for the requests in flight to be
   * acknowledged (they keep being retried) for up to `graceMs`.
   */
  async stop(graceMs: number): Promise<void> {
    clearInterval(this.timer);
    this.stopping = true;
    this.stopDeadline = Date.now() + graceMs;
    await Promise.all([...this.inFlight]);
  }

  private tick(): void {
    const now = performance.now();
    // At most one second's worth of records accumulates while requests are in flight.
    this.allowance = Math.min(
      this.allowance + ((now - this.last) / 1000) * this.recordsPerSecond,
      this.recordsPerSecond,
    );
    this.last = now;
    while (this.allowance >= 1 && this.inFlight.size < MAX_IN_FLIGHT) {
      const request = this.next(Math.min(RECORDS_PER_REQUEST, Math.floor(this.allowance)));
      this.allowance -= request.records.length;
      this.track(this.send(request));
    }
  }

  /** The next request: a death when one is due and someone qualifies, else population records. */
  private next(size: number): Request {
    if (this.sinceDeath >= DEATH_EVERY) {
      const death = this.death();
      if (death) {
        this.sinceDeath = 0;
        return { adapter: 'interior', records: [death] };
      }
    }
    while (this.pending.length === 0) {
      const { value } = this.source.next() as IteratorYieldResult<PopulationBatch>;
      const progress: BatchProgress = { remaining: 0, living: new Set(), owners: new Set() };
      for (const adapter of ADAPTER_TARGETS) {
        const records = (value[adapter] as unknown as OutgoingRecord[]).map((record) => {
          const outgoing = { ...record, eventId: randomUUID() };
          this.batchOf.set(outgoing, progress);
          return outgoing;
        });
        progress.remaining += records.length;
        if (records.length > 0) this.pending.push({ adapter, records });
      }
    }
    const head = this.pending[0]!;
    const records = head.records.splice(0, size);
    if (head.records.length === 0) this.pending.shift();
    this.sinceDeath += records.length;
    return { adapter: head.adapter, records };
  }

  private death(): OutgoingRecord | undefined {
    const subjectId = this.candidates.shift();
    if (subjectId !== undefined) {
      const eventId = randomUUID();
      this.deathEvents.add(eventId);
      return {
        recordType: 'civil-event',
        schemaVersion: 1,
        recordId: `CR-081102-CHAOS-${this.tag}-${this.deathEvents.size}`,
        subjectId,
        version: 1,
        op: 'upsert',
        occurredAt: new Date().toISOString(),
        eventId,
        payload: {
          eventType: 'death',
          subject: { nationalId: subjectId },
          date: '2026-11-20',
          registeredOn: '2026-11-21',
          issuingCommune: ISSUING_COMMUNE,
        },
      };
    }
    return undefined;
  }

  private track(request: Promise<void>): void {
    const tracked = request
      .catch((error: unknown) => {
        this.failure ??= error as Error;
        clearInterval(this.timer);
      })
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Sends until acknowledged (or, once stopping, until the grace period ends). */
  private async send(request: Request): Promise<void> {
    this.stats.requests++;
    for (let attempt = 1; ; attempt++) {
      if (request.records.length === 0) return;
      const reason = await this.attempt(request, JSON.stringify(request.records));
      if (reason === undefined) return;
      this.stats.retries++;
      this.stats.retryReasons[reason] = (this.stats.retryReasons[reason] ?? 0) + 1;
      if (this.stopping && Date.now() > this.stopDeadline) {
        this.stats.abandoned++;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * attempt, 1_000)));
    }
  }

  /** Undefined when acknowledged; otherwise a short reason for the retry count. */
  private async attempt(request: Request, body: string): Promise<string | undefined> {
    const window = this.window;
    let response: Response;
    try {
      response = await fetch(`${this.urls[request.adapter]}/v1/records`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await this.token(request.adapter)}`,
        },
        body,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      // A token could not be had (gateway down) or the adapter did not answer.
      this.tokens.delete(request.adapter);
      return `no answer (${(error as Error).name})`;
    }
    const text = await response.text().catch(() => '');
    if (response.status === 202) {
      const { eventIds } = JSON.parse(text) as { eventIds: string[] };
      request.records.forEach((record, i) =>
        this.acknowledged(request.adapter, record, eventIds[i]!, window),
      );
      return undefined;
    }
    if (response.status === 409) {
      this.dropConflicts(request, text);
      return 'HTTP 409 (version kept by a reaction)';
    }
    if (response.status === 401) this.tokens.delete(request.adapter);
    if (response.status === 400 || response.status === 403 || response.status === 422)
      // A refusal of the records themselves is a bug in the publisher, not a fault to ride out.
      throw new Error(
        `${request.adapter} refused a request: ${response.status} ${text.slice(0, 500)}`,
      );
    return `HTTP ${response.status}`;
  }

  /** Leaves out of the request the records the adapter refused as versions it keeps already. */
  private dropConflicts(request: Request, text: string): void {
    const { issues } = JSON.parse(text) as { issues: Array<{ index: number; rule: string }> };
    const taken = new Set(
      issues.filter((issue) => issue.rule === 'version-taken').map((issue) => issue.index),
    );
    if (taken.size === 0)
      throw new Error(
        `${request.adapter} answered 409 without a version-taken issue: ${text.slice(0, 500)}`,
      );
    for (const index of taken) this.settled(request.records[index]!);
    this.stats.conflicts += taken.size;
    request.records = request.records.filter((_, index) => !taken.has(index));
  }

  private acknowledged(
    adapter: AdapterName,
    record: OutgoingRecord,
    eventId: string,
    window: string,
  ): void {
    if (eventId !== record.eventId)
      throw new Error(
        `${adapter} acknowledged ${record.recordId} with another event id than it was sent with`,
      );
    this.acks.push({
      recordType: record.recordType,
      recordId: record.recordId,
      version: record.version,
      eventId,
      subjectId: record.subjectId,
      adapter,
      window,
    });
    if (this.deathEvents.has(eventId))
      this.deaths.push({ subjectId: record.subjectId, recordId: record.recordId, eventId, window });
    const progress = this.batchOf.get(record);
    if (!progress) return;
    const payload = record.payload as { alive?: boolean } | undefined;
    if (record.recordType === 'person' && payload?.alive === true)
      progress.living.add(record.subjectId);
    if (record.recordType === 'vehicle-registration' || record.recordType === 'taxpayer')
      progress.owners.add(record.subjectId);
    this.settled(record);
  }

  /** A record of a batch is answered for good: once all are, its living owners may die. */
  private settled(record: OutgoingRecord): void {
    const progress = this.batchOf.get(record);
    if (progress && --progress.remaining === 0)
      for (const owner of progress.owners)
        if (progress.living.has(owner)) this.candidates.push(owner);
  }

  private token(adapter: AdapterName): Promise<string> {
    let token = this.tokens.get(adapter);
    if (!token) {
      token = fromDist<typeof import('../access-token.ts')>('tools/access-token.js').then(
        ({ fetchAccessToken }) => fetchAccessToken(this.gatewayUrl, this.clients[adapter]),
      );
      this.tokens.set(adapter, token);
      token.catch(() => this.tokens.delete(adapter));
    }
    return token;
  }
}
