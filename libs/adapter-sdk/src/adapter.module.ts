// The Nest module every adapter app is built from: intake, health, metrics,
// the outbox relay that sends what the publisher kept but could not send, and
// the adapter's signing key — proposed to the registry at start (a steward
// approves it), and used to sign everything the adapter publishes.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { AdapterApprovals, AdapterKeyService } from '#spean/adapter-registry';
import type { AuditLog } from '#spean/audit';
import { EVENT_BUS, type EventBus } from '#spean/bus';
import { publicKeyPem, recordSigner, type RecordSigner } from '#spean/contracts';
import { Metrics, ObservabilityModule } from '#spean/observability';
import type { Database } from '#spean/persistence';
import type { LineageRecorder, RecordValidator } from '#spean/schema-registry';
import type { AdapterDefinition } from './adapter-definition.js';
import type { AdapterConfig } from './adapter.config.js';
import { ADAPTER_APPROVALS, ApprovalGuard } from './approval/approval-guard.js';
import { ImportService } from './import/import.service.js';
import { ImportsController } from './import/imports.controller.js';
import { IntakeService } from './intake/intake.service.js';
import { RecordsController } from './intake/records.controller.js';
import { OutboxRelay } from './publishing/outbox-relay.js';
import { OutboxRepository } from './publishing/outbox.repository.js';
import { Publishing } from './publishing/publish.js';
import { RecordPublisher } from './publishing/record-publisher.js';
import {
  ADAPTER_DEFINITION,
  ADAPTER_STORE,
  ReactionConsumer,
  RECORD_VALIDATOR,
  ADAPTER_DATABASE,
  ADAPTER_LINEAGE,
  RECORD_SIGNER,
} from './reactions/reaction.consumer.js';
import { DeadLetterRepository, DeadLetterService } from '#spean/dead-letters';
import { AdapterRecordRepository } from './store/adapter-record.repository.js';

export interface AdapterDependencies {
  definition: AdapterDefinition;
  config: AdapterConfig;
  database: Database;
  bus: EventBus;
  metrics: Metrics;
  validator: RecordValidator;
  /** Where the adapter notes what it publishes and consumes (absent in unit tests). */
  lineage?: LineageRecorder;
  /** Where refusals (a record type the adapter is not approved for) are recorded. */
  audit: AuditLog;
  /** The adapter's Ed25519 private key (see signing-key.ts): it signs every record published. */
  signingKey: KeyObject;
}

@Module({})
export class AdapterModule {
  static register(deps: AdapterDependencies): DynamicModule {
    return {
      module: AdapterModule,
      imports: [
        ObservabilityModule.register({
          metrics: deps.metrics,
          checks: { database: () => deps.database.isHealthy(), bus: () => deps.bus.isHealthy() },
        }),
      ],
      controllers: [RecordsController, ImportsController],
      providers: [
        ...valueProviders(deps),
        ...approvalProviders(deps),
        ...storeProviders(deps),
        ...publishingProviders(deps),
        ReactionConsumer,
      ],
    };
  }
}

/** The values the process built, by token. */
function valueProviders(deps: AdapterDependencies): Provider[] {
  return [
    { provide: EVENT_BUS, useValue: deps.bus },
    { provide: ADAPTER_DEFINITION, useValue: deps.definition },
    { provide: RECORD_VALIDATOR, useValue: deps.validator },
    { provide: ADAPTER_DATABASE, useValue: deps.database },
    { provide: ADAPTER_LINEAGE, useValue: deps.lineage },
  ];
}

/** What a steward approved the adapter for, and its signing key, proposed at every start. */
function approvalProviders(deps: AdapterDependencies): Provider[] {
  return [
    {
      // What a steward approved the adapter for; followed as it changes, until shutdown.
      provide: ADAPTER_APPROVALS,
      useFactory: async () => {
        const approvals = new AdapterApprovals(deps.database, {
          log: new Logger(`${deps.definition.name}-approvals`),
        });
        await approvals.start();
        return approvals;
      },
    },
    {
      provide: ApprovalGuard,
      inject: [ADAPTER_APPROVALS],
      useFactory: (approvals: AdapterApprovals) =>
        new ApprovalGuard(deps.definition, approvals, deps.audit),
    },
    {
      // Proposing again a key the registry knows changes nothing, so every start proposes.
      provide: RECORD_SIGNER,
      useFactory: async (): Promise<RecordSigner> => {
        const signer = recordSigner(deps.signingKey);
        const key = await new AdapterKeyService(deps.database, deps.audit).propose(
          { clientId: `adapter:${deps.definition.name}`, agencyId: 'system', role: 'system' },
          deps.definition.name,
          publicKeyPem(createPublicKey(deps.signingKey)),
        );
        if (key.state !== 'approved') {
          new Logger(`${deps.definition.name}-signing`).warn(
            `signing key ${key.keyId} is ${key.state}: consumers refuse what it signs until a steward approves it (spean adapters approve-key ${key.keyId})`,
          );
        }
        return signer;
      },
    },
  ];
}

/** The adapter's store, its dead letters and its outbox (with the relay that empties it). */
function storeProviders(deps: AdapterDependencies): Provider[] {
  return [
    {
      provide: DeadLetterService,
      useFactory: () =>
        new DeadLetterService(new DeadLetterRepository(deps.database), deps.metrics),
    },
    {
      provide: ADAPTER_STORE,
      useFactory: () => new AdapterRecordRepository(deps.database, deps.definition.name),
    },
    {
      provide: OutboxRepository,
      useFactory: () => new OutboxRepository(deps.database, deps.definition.name),
    },
    {
      // Started at bootstrap, stopped at shutdown (before the bus is closed).
      provide: OutboxRelay,
      inject: [OutboxRepository],
      useFactory: (outbox: OutboxRepository) =>
        new OutboxRelay(outbox, deps.bus, deps.metrics, deps.definition.name),
    },
  ];
}

/** The one path to publish, and intake and import on it. */
function publishingProviders(deps: AdapterDependencies): Provider[] {
  return [
    {
      provide: RecordPublisher,
      inject: [ADAPTER_STORE, OutboxRepository, OutboxRelay, RECORD_SIGNER],
      useFactory: (
        store: AdapterRecordRepository,
        outbox: OutboxRepository,
        relay: OutboxRelay,
        signer: RecordSigner,
      ) =>
        new RecordPublisher(
          deps.definition,
          deps.validator,
          store,
          deps.bus,
          deps.metrics,
          deps.lineage,
          { database: deps.database, outbox, relay },
          signer,
        ),
    },
    {
      // The one path to publish, for intake, import and reactions alike.
      provide: Publishing,
      inject: [ApprovalGuard, RecordPublisher],
      useFactory: (approval: ApprovalGuard, publisher: RecordPublisher) =>
        new Publishing(approval, publisher),
    },
    {
      provide: IntakeService,
      inject: [Publishing, ApprovalGuard],
      useFactory: (publishing: Publishing, approval: ApprovalGuard) =>
        new IntakeService(deps.definition, publishing, deps.config.maxRecordsPerRequest, approval),
    },
    {
      provide: ImportService,
      inject: [IntakeService, Publishing, ADAPTER_STORE],
      useFactory: (intake: IntakeService, publishing: Publishing, store: AdapterRecordRepository) =>
        new ImportService(deps.definition, intake, publishing, store),
    },
  ];
}
