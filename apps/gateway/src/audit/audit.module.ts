// The audit log in the gateway: the checkpoints it seals at intervals and at
// shutdown, and the auditors' explorer (auditEntries, auditStatus and
// verifyAuditLog over GraphQL, the CSV export at GET /v1/audit/entries.csv).
import type { KeyObject } from 'node:crypto';
import { Module } from '@nestjs/common';
import type { AuditLog } from '#spean/audit';
import type { NationalIdScheme } from '#spean/contracts';
import type { Database } from '#spean/persistence';
import { AUDIT_LOG, AUDIT_PUBLIC_KEY, DATABASE, NATIONAL_IDS } from '../gateway.tokens.js';
import { AuditCheckpointer } from './audit-checkpointer.js';
import { AuditCsvController } from './audit-csv.controller.js';
import { AuditExplorerRepository } from './audit-explorer.repository.js';
import { AuditExplorerService } from './audit-explorer.service.js';
import { AuditResolver } from './audit.resolver.js';

@Module({
  controllers: [AuditCsvController],
  providers: [
    AuditCheckpointer,
    {
      provide: AuditExplorerService,
      inject: [DATABASE, AUDIT_LOG, NATIONAL_IDS, AUDIT_PUBLIC_KEY],
      useFactory: (
        database: Database,
        audit: AuditLog,
        nationalIds: NationalIdScheme,
        publicKey: KeyObject | null,
      ) =>
        new AuditExplorerService(
          new AuditExplorerRepository(database),
          audit,
          database,
          nationalIds,
          publicKey ?? undefined,
        ),
    },
    AuditResolver,
  ],
})
export class AuditModule {}
