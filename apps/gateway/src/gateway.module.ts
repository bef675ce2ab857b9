// The gateway: token endpoint, GraphQL lookups, the read model that feeds
// them, health and metrics. Built from values main.ts prepares (database, bus,
// keys) so tests assemble exactly the same module on a test database.
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import {
  ClientCredentialsService,
  ClientRepository,
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
import { AccessLogRepository } from './citizen/access-log.repository.js';
import { CitizenResolver, type GatewayContext } from './citizen/citizen.resolver.js';
import { CitizenService } from './citizen/citizen.service.js';
import type { GatewayConfig } from './config/gateway.config.js';
import { DATABASE, GATEWAY_CONFIG, SCHEMA_REGISTRY, SIGNING_KEY } from './gateway.tokens.js';
import { SchemasResolver } from './schemas/schemas.resolver.js';
import { DeadLetterRepository, DeadLetterService } from '#spean/dead-letters';
import { DeadLetterGauge } from './dead-letters/dead-letter-gauge.js';
import { DeadLettersResolver } from './dead-letters/dead-letters.resolver.js';
import { ReadModelConsumer } from './read-model/read-model.consumer.js';
import { ReadModelRepository } from './read-model/read-model.repository.js';
import { ReadModelService } from './read-model/read-model.service.js';
import { OrphansResolver } from './stewardship/orphans.resolver.js';

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
          context: ({ req }: { req: Request & AuthenticatedRequest }): GatewayContext => ({
            principal: req.principal!,
          }),
        }),
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
        {
          provide: CitizenService,
          inject: [ReadModelRepository],
          useFactory: (records: ReadModelRepository) =>
            new CitizenService(
              records,
              new AccessLogRepository(deps.database),
              deps.nationalIds,
              deps.metrics,
            ),
        },
        CitizenResolver,
        OrphansResolver,
        SchemasResolver,
        DeadLettersResolver,
        DeadLetterGauge,
      ],
    };
  }
}
