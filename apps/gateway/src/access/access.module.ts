// Who may call the gateway and what they may see: the token endpoint, client
// administration and revocation, grants, and each citizen's access log.
import { Logger, Module } from '@nestjs/common';
import {
  AccessControlService,
  AccessPolicy,
  ClientAdministrationService,
  ClientCredentialsService,
  ClientRepository,
  grantableSections,
  RevokedClients,
  type GrantableSections,
  type SigningKey,
} from '#spean/access';
import type { AuditLog } from '#spean/audit';
import type { NationalIdScheme } from '#spean/contracts';
import { Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import type { SchemaRegistryService } from '#spean/schema-registry';
import { AccessControlResolver } from '../access-control/access-control.resolver.js';
import { AccessLogRepository } from '../access-log/access-log.repository.js';
import { AccessLogResolver } from '../access-log/access-log.resolver.js';
import { AccessLogService } from '../access-log/access-log.service.js';
import { TokenController } from '../auth/token.controller.js';
import { TokenService } from '../auth/token.service.js';
import { CitizenAccess } from '../citizen/citizen-access.js';
import { CitizenAccessModule } from '../citizen/citizen-access.module.js';
import { ClientsResolver } from '../clients/clients.resolver.js';
import type { GatewayConfig } from '../config/gateway.config.js';
import { SharedBucketStore } from '../hardening/shared-bucket-store.js';
import {
  AUDIT_LOG,
  DATABASE,
  GATEWAY_CONFIG,
  GRANTABLE_SECTIONS,
  NATIONAL_IDS,
  SCHEMA_REGISTRY,
  SIGNING_KEY,
} from '../gateway.tokens.js';

@Module({
  imports: [CitizenAccessModule],
  controllers: [TokenController],
  providers: [
    {
      provide: ClientCredentialsService,
      inject: [DATABASE, SIGNING_KEY, GATEWAY_CONFIG],
      useFactory: (database: Database, signingKey: SigningKey, config: GatewayConfig) =>
        new ClientCredentialsService(
          new ClientRepository(database),
          () => signingKey,
          config.tokenTtlSeconds,
        ),
    },
    {
      provide: TokenService,
      inject: [ClientCredentialsService, GATEWAY_CONFIG, Metrics, SharedBucketStore],
      useFactory: (
        credentials: ClientCredentialsService,
        config: GatewayConfig,
        metrics: Metrics,
        buckets: SharedBucketStore,
      ) => new TokenService(credentials, config.limits, metrics, buckets),
    },
    {
      // Started with the app, closed with it (onApplicationShutdown); see gateway.app.ts.
      provide: RevokedClients,
      inject: [DATABASE],
      useFactory: (database: Database) =>
        RevokedClients.start(database, { log: new Logger('revocations') }),
    },
    {
      provide: ClientAdministrationService,
      inject: [DATABASE, AUDIT_LOG, NATIONAL_IDS, GATEWAY_CONFIG],
      useFactory: (
        database: Database,
        audit: AuditLog,
        nationalIds: NationalIdScheme,
        config: GatewayConfig,
      ) => new ClientAdministrationService(database, audit, nationalIds, config),
    },
    {
      provide: GRANTABLE_SECTIONS,
      inject: [SCHEMA_REGISTRY],
      useFactory: async (registry: SchemaRegistryService) =>
        grantableSections(await registry.loadCatalog()),
    },
    {
      provide: AccessControlService,
      inject: [DATABASE, AUDIT_LOG, GRANTABLE_SECTIONS, AccessPolicy],
      useFactory: (
        database: Database,
        audit: AuditLog,
        sections: GrantableSections,
        policy: AccessPolicy,
      ) => new AccessControlService(database, audit, sections, () => policy.reload()),
    },
    {
      provide: AccessLogService,
      inject: [DATABASE, CitizenAccess, AUDIT_LOG],
      useFactory: (database: Database, access: CitizenAccess, audit: AuditLog) =>
        new AccessLogService(new AccessLogRepository(database), access, audit),
    },
    ClientsResolver,
    AccessControlResolver,
    AccessLogResolver,
  ],
})
export class AccessModule {}
