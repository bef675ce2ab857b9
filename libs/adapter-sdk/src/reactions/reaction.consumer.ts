// Subscribes an adapter to the record types its reactions need (one consumer
// group per adapter, named after the adapter), and publishes what the
// reactions return. It subscribes only to the record types the adapter is
// approved to consume: a reaction to any other is left unsubscribed, audited
// and logged, and subscribed as soon as a steward approves it (the registry
// announces every change; the subscription is then redone with the new set of
// topics, and the group resumes from its committed offsets). A record that
// cannot be read, or whose reaction yields an invalid record, is set aside as
// a dead letter with the reason (kept in the dead-letter store, where stewards
// replay it once the cause is fixed); a fault of the database is thrown so
// the bus delivers the record again. A reaction may publish only what the
// adapter is approved to publish; if not, the triggering record becomes a
// dead letter (adapter-not-approved), to be replayed once approved.
//
// What a reaction returns is kept with its outbox rows in one transaction
// (record-publisher.ts) before the trigger is committed, so a bus that refuses
// the outputs loses nothing (the relay sends them), and a crash between the
// two only runs the reaction again — which reads the store, finds its outputs
// already kept and returns nothing new: no second, different version.
//
// A reaction trusts only what an approved adapter signed: every message is
// verified around its one decode (record-verifier.ts in the registry: the
// signature on the bytes before, the source's claims after), live and on
// replay, and one that fails is a dead letter with the refusal's code.
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
  recordTypeOf,
  topicFor,
  type BatchOutcome,
  type ConsumedMessage,
  type DeadLetterVerdict,
  type EventBus,
  type Subscription,
} from '#spean/bus';
import {
  AdapterKeys,
  RecordVerifier,
  type AdapterApprovals,
  type CheckedDecoder,
} from '#spean/adapter-registry';
import { DeadLetterService, subscribeWithDeadLetters } from '#spean/dead-letters';
import { Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import {
  decodeCanonicalMessage,
  type LineageRecorder,
  type RecordValidator,
} from '#spean/schema-registry';
import type { AdapterDefinition } from '../adapter-definition.js';
import { ADAPTER_APPROVALS, ApprovalGuard, type Refusal } from '../approval/approval-guard.js';
import { IntakeException, IntakeExceptionCode } from '../intake/intake.exception.js';
import { Publishing } from '../publishing/publish.js';
import type { AdapterRecordRepository } from '../store/adapter-record.repository.js';
import type { Reaction } from './reaction.js';

export const ADAPTER_DEFINITION = Symbol('ADAPTER_DEFINITION');
export const RECORD_VALIDATOR = Symbol('RECORD_VALIDATOR');
export const ADAPTER_STORE = Symbol('ADAPTER_STORE');
/** The adapter's database, for what needs a connection of its own (replay notifications). */
export const ADAPTER_DATABASE = Symbol('ADAPTER_DATABASE');
/** Where the adapter notes the record types and versions it consumes (optional). */
export const ADAPTER_LINEAGE = Symbol('ADAPTER_LINEAGE');
/** Signs what the adapter publishes (a RecordSigner), its key proposed to the registry. */
export const RECORD_SIGNER = Symbol('RECORD_SIGNER');

/** Thrown for a record the adapter may no longer consume: not committed, so delivered again if re-approved. */
class NotApprovedToConsume extends Error {}

@Injectable()
export class ReactionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private readonly reactions: Map<string, Reaction>;
  private subscription?: Subscription;
  /** The record types subscribed now, sorted. */
  private subscribed: string[] = [];
  /** Record types refused and already audited; audited again only after being allowed meanwhile. */
  private refused = new Set<string>();
  private reconciling: Promise<void> = Promise.resolve();
  private unwatch?: () => void;
  private retry?: NodeJS.Timeout;
  private stopped = false;
  private keys?: AdapterKeys;
  private decoder?: CheckedDecoder;

  constructor(
    @Inject(ADAPTER_DEFINITION) private readonly definition: AdapterDefinition,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(RECORD_VALIDATOR) private readonly validator: RecordValidator,
    @Inject(ADAPTER_STORE) private readonly store: AdapterRecordRepository,
    private readonly publishing: Publishing,
    private readonly metrics: Metrics,
    private readonly deadLetters: DeadLetterService,
    @Inject(ADAPTER_DATABASE) private readonly db: Database,
    private readonly approval: ApprovalGuard,
    @Inject(ADAPTER_APPROVALS) private readonly approvals: AdapterApprovals,
    @Optional() @Inject(ADAPTER_LINEAGE) private readonly lineage?: LineageRecorder,
  ) {
    this.logger = new Logger(`${definition.name}-reactions`);
    this.reactions = new Map(
      (definition.reactions ?? []).map((reaction) => [reaction.recordType, reaction]),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.reactions.size === 0) return;
    await this.bus.ensureTopics([...this.reactions.keys()].map(topicFor));
    // Key changes are heard on the approvals' LISTEN: one connection per process.
    this.keys = new AdapterKeys(this.db, this.approvals, { log: this.logger });
    await this.keys.start();
    this.decoder = new RecordVerifier(this.keys, this.approvals, (labels) =>
      this.metrics.recordsRefused.inc(labels),
    ).decoderFor(this.definition.name);
    // Watch first, so no approval between the first look and the watch is missed.
    this.unwatch = this.approval.onChange(() => void this.reconcile().catch(() => undefined));
    // A failure at start-up stops the start, as a failed subscription always did.
    await this.reconcile();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unwatch?.();
    clearTimeout(this.retry);
    await this.reconciling.catch(() => undefined);
    await this.subscription?.close();
    this.subscription = undefined;
    await this.keys?.stop();
  }

  /**
   * Subscribes to exactly the reactions' record types the adapter is approved
   * to consume now. Runs one at a time; a failure is retried shortly.
   */
  reconcile(): Promise<void> {
    const run = this.reconciling.catch(() => undefined).then(() => this.resubscribe());
    this.reconciling = run.catch((error: unknown) => {
      this.logger.warn(`updating the subscriptions failed, retrying: ${(error as Error).message}`);
      clearTimeout(this.retry);
      if (!this.stopped) {
        this.retry = setTimeout(() => void this.reconcile().catch(() => undefined), 2_000);
        this.retry.unref();
      }
      throw error;
    });
    return this.reconciling;
  }

  private async resubscribe(): Promise<void> {
    if (this.stopped) return;
    const allowed: string[] = [];
    const refusals: Refusal[] = [];
    const refusedNow = new Set<string>();
    for (const recordType of [...this.reactions.keys()].sort()) {
      const permission = await this.approval.mayConsume(recordType);
      if (permission.allowed) {
        allowed.push(recordType);
        continue;
      }
      refusedNow.add(recordType);
      if (!this.refused.has(recordType)) {
        refusals.push({ recordType, schemaVersion: null, reason: permission.reason });
      }
    }
    if (refusals.length > 0) {
      await this.approval.record(await this.approval.selfActor(), 'subscribe', refusals);
      for (const refusal of refusals) {
        this.logger.warn(`not reacting to ${refusal.recordType}: ${refusal.reason}`);
      }
    }
    this.refused = refusedNow;
    if (allowed.join() === this.subscribed.join()) return;
    await this.subscription?.close();
    this.subscription = undefined;
    this.subscribed = [];
    if (allowed.length > 0 && !this.stopped) {
      this.subscription = await subscribeWithDeadLetters(
        { bus: this.bus, service: this.deadLetters, db: this.db, logger: this.logger },
        { group: this.definition.name, topics: allowed.map(topicFor), maxBatchSize: 200 },
        (batch) => this.handle(batch),
      );
      this.subscribed = allowed;
    }
    this.logger.log(
      allowed.length > 0 ? `reacting to ${allowed.join(', ')}` : 'reacting to nothing approved yet',
    );
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
    // Between a withdrawal and the resubscription a record may still arrive.
    const consumable = await this.approval.mayConsume(recordTypeOf(message.topic));
    if (!consumable.allowed) throw new NotApprovedToConsume(consumable.reason);
    if (!this.decoder) throw new Error('the reactions consume nothing before they start');
    const decoded = await this.decoder(message, (each) =>
      decodeCanonicalMessage(each.value, each.key, this.validator),
    );
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
    // A reaction computes its records from what it reads of the store; if another
    // record of the same version was kept meanwhile (the ministry's own, or
    // another reaction's), what it read is stale: it runs again on what is kept now.
    for (let attempt = 1; ; attempt++) {
      const outputs = await reaction.react(record, { store: this.store });
      // Most records set nothing off: nothing to publish, no actor to look up.
      if (outputs.length === 0) return undefined;
      try {
        await this.publishing.publish(
          await this.publishing.selfActor(),
          outputs,
          'all-or-nothing',
          {
            newestOnly: true,
          },
        );
        return undefined;
      } catch (error) {
        if (!(error instanceof IntakeException)) throw error;
        if (error.code === IntakeExceptionCode.VERSION_CONFLICT && attempt < REACTION_ATTEMPTS)
          continue;
        return refusalOf(this.definition.name, record.recordType, error);
      }
    }
  }
}

/** Runs of one reaction to one record whose outputs met a newer kept version, before it is a dead letter. */
const REACTION_ATTEMPTS = 5;

function refusalOf(
  adapter: string,
  recordType: string,
  error: IntakeException,
): { code: string; reason: string } {
  const issues = error.issues
    .map((issue) => `record ${'index' in issue ? issue.index : '?'} ${issue.message}`)
    .join('; ');
  switch (error.code) {
    case IntakeExceptionCode.INVALID_RECORDS:
      return {
        code: 'reaction-invalid',
        reason: `the ${adapter} reaction to ${recordType} produced invalid records: ${issues}`,
      };
    case IntakeExceptionCode.VERSION_CONFLICT:
      return {
        code: 'reaction-conflict',
        reason: `the ${adapter} reaction to ${recordType} kept meeting newer versions of its records (${REACTION_ATTEMPTS} runs): ${issues}`,
      };
    default:
      return {
        code: 'adapter-not-approved',
        reason: `the ${adapter} reaction to ${recordType} would publish what the adapter may not: ${error.message}`,
      };
  }
}
