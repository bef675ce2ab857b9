// The gateway: token endpoint, GraphQL lookups, the read model that feeds
// them, health and metrics. Built from values main.ts prepares (database, bus,
// keys) so tests assemble exactly the same module on a test database.
import type { KeyObject } from 'node:crypto';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import {
  AccessControlService,
  AccessPolicy,
  ClientAdministrationService,
  ClientCredentialsService,
  ClientRepository,
  RevokedClients,
  type GrantableSections,
  type AuthenticatedRequest,
  type Pseudonymizer,
  type SigningKey,
} from '#spean/access';
import type { AuditLog } from '#spean/audit';
import { EVENT_BUS, type EventBus } from '#spean/bus';
import type { NationalIdScheme } from '#spean/contracts';
import { Metrics, ObservabilityModule } from '#spean/observability';
import type { Database } from '#spean/persistence';
import type {
  LineageRecorder,
  RecordValidator,
  SchemaRegistryService,
} from '#spean/schema-registry';
import { TokenController } from './auth/token.controller.js';
import { TokenService } from './auth/token.service.js';
import { AccessControlResolver } from './access-control/access-control.resolver.js';
import { AccessLogRepository } from './access-log/access-log.repository.js';
import { AccessLogResolver } from './access-log/access-log.resolver.js';
import { AccessLogService } from './access-log/access-log.service.js';
import { AuditCheckpointer } from './audit/audit-checkpointer.js';
import { AuditModule } from './audit/audit.module.js';
import { PreviewModule } from './preview/preview.module.js';
import { DisclosureModule } from './disclosure/disclosure.module.js';
import { AccessQuestionModule } from './access-question/access-question.module.js';
import { grantableSections } from '#spean/access';
import { VerificationResolver } from './verification/verification.resolver.js';
import { VerificationLockRepository } from './verification-lock/verification-lock.repository.js';
import { VerificationLockResolver } from './verification-lock/verification-lock.resolver.js';
import { VerificationLockService } from './verification-lock/verification-lock.service.js';
import { CitizenResolver } from './citizen/citizen.resolver.js';
import type { GatewayContext } from './common/gateway-context.js';
import { CitizenAccess } from './citizen/citizen-access.js';
import { CitizenService } from './citizen/citizen.service.js';
import { VerificationService } from './verification/verification.service.js';
import { ClientsResolver } from './clients/clients.resolver.js';
import type { GatewayConfig } from './config/gateway.config.js';
import { argumentTextPlugin } from './hardening/argument-text.plugin.js';
import { graphqlHardening } from './hardening/graphql-hardening.js';
import {
  AUDIT_LOG,
  DATABASE,
  GATEWAY_CONFIG,
  GRANTABLE_SECTIONS,
  SCHEMA_REGISTRY,
  SIGNING_KEY,
} from './gateway.tokens.js';
import { SchemasResolver } from './schemas/schemas.resolver.js';
import { DeadLetterRepository, DeadLetterService } from '#spean/dead-letters';
import { DeadLetterGauge } from './dead-letters/dead-letter-gauge.js';
import { DeadLettersResolver } from './dead-letters/dead-letters.resolver.js';
import { ReadModelConsumer } from './read-model/read-model.consumer.js';
import { ReadModelRepository } from './read-model/read-model.repository.js';
import { ReadModelService } from './read-model/read-model.service.js';
import { OrphansResolver } from './stewardship/orphans.resolver.js';
import {
  AdapterDirectory,
  AdapterKeyService,
  AdapterRegistryService,
} from '#spean/adapter-registry';
import { AdaptersResolver } from './adapters/adapters.resolver.js';

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
export class GatewayModule {
  static register(deps: GatewayDependencies): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ObservabilityModule.register({
          metrics: deps.metrics,
          checks: { database: () => deps.database.isHealthy(), bus: () => deps.bus.isHealthy() },
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          introspection: deps.config.introspection,
          graphiql: false,
          playground: false,
          // Apollo's CSRF prevention stays on: simple (form-like) requests are refused.
          csrfPrevention: true,
          // Depth, alias, cost and token limits; no schema hints in production.
          ...graphqlHardening(deps.config, deps.metrics),
          // No cache hints are used: without the plugin, no resolver is wrapped to collect them.
          // Every string argument is checked for text the database cannot hold.
          plugins: [ApolloServerPluginCacheControlDisabled(), argumentTextPlugin()],
          context: ({ req }: { req: Request & AuthenticatedRequest }): GatewayContext => ({
            principal: req.principal!,
          }),
        }),
        AuditModule.register(deps),
        PreviewModule,
        DisclosureModule.register(deps.config),
        AccessQuestionModule.register(deps),
      ],
      controllers: [TokenController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: deps.config },
        { provide: DATABASE, useValue: deps.database },
        { provide: EVENT_BUS, useValue: deps.bus },
        { provide: SIGNING_KEY, useValue: deps.signingKey },
        { provide: SCHEMA_REGISTRY, useValue: deps.schemaRegistry },
        {
          provide: ClientCredentialsService,
          useFactory: () =>
            new ClientCredentialsService(
              new ClientRepository(deps.database),
              () => deps.signingKey,
              deps.config.tokenTtlSeconds,
            ),
        },
        {
          provide: TokenService,
          inject: [ClientCredentialsService],
          useFactory: (credentials: ClientCredentialsService) =>
            new TokenService(credentials, deps.config.limits, deps.metrics),
        },
        { provide: ReadModelRepository, useFactory: () => new ReadModelRepository(deps.database) },
        {
          provide: ReadModelService,
          inject: [ReadModelRepository],
          useFactory: (repository: ReadModelRepository) =>
            new ReadModelService(repository, deps.validator, deps.metrics, deps.lineage),
        },
        {
          provide: DeadLetterService,
          useFactory: () =>
            new DeadLetterService(new DeadLetterRepository(deps.database), deps.metrics),
        },
        ReadModelConsumer,
        { provide: AUDIT_LOG, useValue: deps.audit },
        AuditCheckpointer,
        {
          provide: AccessPolicy,
          useFactory: async () => {
            const policy = new AccessPolicy(deps.database, new Logger('access-policy'));
            await policy.start();
            return policy;
          },
        },
        {
          provide: GRANTABLE_SECTIONS,
          useFactory: async () => grantableSections(await deps.schemaRegistry.loadCatalog()),
        },
        {
          provide: AccessControlService,
          inject: [AccessPolicy, GRANTABLE_SECTIONS],
          useFactory: (policy: AccessPolicy, sections: GrantableSections) =>
            new AccessControlService(deps.database, deps.audit, sections, () => policy.reload()),
        },
        {
          provide: VerificationLockRepository,
          useFactory: () => new VerificationLockRepository(deps.database, deps.config.verification),
        },
        {
          provide: CitizenAccess,
          inject: [AccessPolicy],
          useFactory: (policy: AccessPolicy) =>
            new CitizenAccess(policy, deps.audit, deps.pseudonyms, deps.nationalIds, deps.metrics),
        },
        {
          provide: CitizenService,
          inject: [ReadModelRepository, CitizenAccess],
          useFactory: (records: ReadModelRepository, access: CitizenAccess) =>
            new CitizenService(records, access, deps.pseudonyms, deps.metrics),
        },
        {
          provide: VerificationService,
          inject: [ReadModelRepository, CitizenAccess, VerificationLockRepository],
          useFactory: (
            records: ReadModelRepository,
            access: CitizenAccess,
            locks: VerificationLockRepository,
          ) => new VerificationService(records, access, deps.metrics, locks),
        },
        {
          provide: VerificationLockService,
          inject: [VerificationLockRepository, CitizenAccess],
          useFactory: (locks: VerificationLockRepository, access: CitizenAccess) =>
            new VerificationLockService(locks, deps.audit, (id) => access.checkNationalId(id)),
        },
        VerificationLockResolver,
        {
          provide: AccessLogService,
          inject: [CitizenAccess],
          useFactory: (access: CitizenAccess) =>
            new AccessLogService(new AccessLogRepository(deps.database), access, deps.audit),
        },
        {
          provide: ClientAdministrationService,
          useFactory: () =>
            new ClientAdministrationService(
              deps.database,
              deps.audit,
              deps.nationalIds,
              deps.config,
            ),
        },
        ClientsResolver,
        {
          // Started with the app, closed with it (onApplicationShutdown); see gateway.app.ts.
          provide: RevokedClients,
          useFactory: () => RevokedClients.start(deps.database, { log: new Logger('revocations') }),
        },
        CitizenResolver,
        VerificationResolver,
        AccessLogResolver,
        AccessControlResolver,
        OrphansResolver,
        SchemasResolver,
        DeadLettersResolver,
        DeadLetterGauge,
        {
          provide: AdapterRegistryService,
          useFactory: () => new AdapterRegistryService(deps.database, deps.audit),
        },
        {
          provide: AdapterDirectory,
          inject: [AdapterRegistryService],
          useFactory: (registry: AdapterRegistryService) =>
            new AdapterDirectory(
              registry,
              deps.bus,
              new DeadLetterRepository(deps.database),
              new Logger('adapter-directory'),
            ),
        },
        {
          provide: AdapterKeyService,
          useFactory: () => new AdapterKeyService(deps.database, deps.audit),
        },
        AdaptersResolver,
      ],
    };
  }
}
