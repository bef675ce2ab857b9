// The auditors' explorer of the audit log: auditEntries, auditStatus and
// verifyAuditLog over GraphQL, and the CSV export at GET /v1/audit/entries.csv.
// Built from the gateway's dependencies; it needs nothing another feature provides.
import { Module, type DynamicModule } from '@nestjs/common';
import type { GatewayDependencies } from '../gateway.module.js';
import { AuditCsvController } from './audit-csv.controller.js';
import { AuditExplorerRepository } from './audit-explorer.repository.js';
import { AuditExplorerService } from './audit-explorer.service.js';
import { AuditResolver } from './audit.resolver.js';

@Module({})
export class AuditModule {
  static register(deps: GatewayDependencies): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditCsvController],
      providers: [
        {
          provide: AuditExplorerService,
          useFactory: () =>
            new AuditExplorerService(
              new AuditExplorerRepository(deps.database),
              deps.audit,
              deps.database,
              deps.nationalIds,
              deps.auditPublicKey,
            ),
        },
        AuditResolver,
      ],
    };
  }
}
