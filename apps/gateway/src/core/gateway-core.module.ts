// The values every feature module shares, built by main.ts (or a test) before
// Nest starts: configuration, database, bus, keys, registry, audit log. Global,
// so a feature module injects them by token and never receives them by hand.
// Metrics, /health and /metrics come with it: the checks are on these values.
import type { KeyObject } from 'node:crypto';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import type { Pseudonymizer, SigningKey } from '#spean/access';
import type { AuditLog } from '#spean/audit';
import { EVENT_BUS, type EventBus } from '#spean/bus';
import type { NationalIdScheme } from '#spean/contracts';
import { ObservabilityModule, type Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import type {
  LineageRecorder,
  RecordValidator,
  SchemaRegistryService,
} from '#spean/schema-registry';
import type { GatewayConfig } from '../config/gateway.config.js';
import { RateBucketSweeper } from '../hardening/rate-bucket-sweeper.js';
import { SharedBucketStore } from '../hardening/shared-bucket-store.js';
import {
  AUDIT_LOG,
  AUDIT_PUBLIC_KEY,
  DATABASE,
  GATEWAY_CONFIG,
  LINEAGE,
  NATIONAL_IDS,
  PSEUDONYMS,
  RECORD_VALIDATOR,
  SCHEMA_REGISTRY,
  SIGNING_KEY,
} from '../gateway.tokens.js';

export interface GatewayDependencies {
  config: GatewayConfig;
  database: Database;
  bus: EventBus;
  metrics: Metrics;
  signingKey: SigningKey;
  validator: RecordValidator;
  nationalIds: NationalIdScheme;
  schemaRegistry: SchemaRegistryService;
  lineage: LineageRecorder;
  /** The tamper-evident log every lookup and every change to who may see what is written to. */
  audit: AuditLog;
  /** Derives each agency's pseudonyms for national ids it is not granted. */
  pseudonyms: Pseudonymizer;
  /** The public half of the key that signs the audit log's checkpoints, if this gateway signs them. */
  auditPublicKey?: KeyObject;
}

@Module({})
export class GatewayCoreModule {
  static register(deps: GatewayDependencies): DynamicModule {
    const values = [
      { provide: GATEWAY_CONFIG, useValue: deps.config },
      { provide: DATABASE, useValue: deps.database },
      { provide: EVENT_BUS, useValue: deps.bus },
      { provide: SIGNING_KEY, useValue: deps.signingKey },
      { provide: SCHEMA_REGISTRY, useValue: deps.schemaRegistry },
      { provide: AUDIT_LOG, useValue: deps.audit },
      { provide: RECORD_VALIDATOR, useValue: deps.validator },
      { provide: NATIONAL_IDS, useValue: deps.nationalIds },
      { provide: LINEAGE, useValue: deps.lineage },
      { provide: PSEUDONYMS, useValue: deps.pseudonyms },
      { provide: AUDIT_PUBLIC_KEY, useValue: deps.auditPublicKey ?? null },
    ];
    return {
      module: GatewayCoreModule,
      global: true,
      imports: [
        ObservabilityModule.register({
          metrics: deps.metrics,
          checks: { database: () => deps.database.isHealthy(), bus: () => deps.bus.isHealthy() },
        }),
      ],
      providers: [
        ...values,
        // The rate limits' buckets, shared by every gateway process on this database.
        {
          provide: SharedBucketStore,
          useFactory: () => new SharedBucketStore(deps.database, new Logger('rate-limits')),
        },
        RateBucketSweeper,
      ],
      exports: [...values.map((value) => value.provide), SharedBucketStore],
    };
  }
}
